package dev.workstreams.core.archfixture;

import dev.workstreams.WorkstreamsServer;
import dev.workstreams.config.ServerConfig;
import java.io.File;
import java.io.IOException;

/**
 * Everything the core must not do, in one class: ArchitectureTest checks that its rules name each
 * of these, so that a rule which stops catching them fails a test. Never called.
 */
@SuppressWarnings("unused")
final class ForbiddenInCore {

  private ForbiddenInCore() {}

  static Object everything(ServerConfig config, WorkstreamsServer server) throws IOException, InterruptedException {
    File file = new File("x");
    Process process = new ProcessBuilder("true").start();
    Thread.sleep(1);
    String env = System.getenv("HOME");
    return new Object[] {file, process, env, config, server};
  }
}
