package dev.workstreams;

import dev.workstreams.cli.PlanCommand;
import dev.workstreams.config.ConfigException;
import dev.workstreams.config.ServerConfig;
import dev.workstreams.workflow.EventRouter;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The composition root: the only place that reads configuration and wires adapters to workflows.
 * Without a subcommand it serves, so that {@code java -jar workstreams.jar} starts the App.
 */
@Command(
    name = "workstreams",
    mixinStandardHelpOptions = true,
    description = "A GitHub App that turns one labelled plan issue into parallel workstreams.",
    subcommands = {PlanCommand.class})
public final class Main implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    return new CommandLine(new Main()).execute(args);
  }

  @Override
  public Integer call() throws InterruptedException {
    return serve();
  }

  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = "Start the webhook server (also what no subcommand does).")
  int serve() throws InterruptedException {
    ServerConfig config;
    try {
      config = ServerConfig.fromEnvironment(System.getenv());
    } catch (ConfigException e) {
      System.err.println("workstreams: " + e.getMessage());
      return 2;
    }
    WorkstreamsServer server = WorkstreamsServer.start(config, handlers());
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
    server.awaitStop();
    return 0;
  }

  /** The App's reactions to GitHub events; the workflows register here as they are written. */
  static EventRouter handlers() {
    return new EventRouter()
        .on("ping", context -> log.info("GitHub ping received: {}", context.payload().path("zen").asText()));
  }
}
