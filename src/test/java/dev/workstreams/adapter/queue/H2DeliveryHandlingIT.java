package dev.workstreams.adapter.queue;

import dev.workstreams.testing.DeliveryTable;
import dev.workstreams.testing.TestServers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The delivery store and job queue on the embedded H2 database, as a single instance runs them. */
class H2DeliveryHandlingIT extends DeliveryHandlingContract {
  @TempDir Path dataDir;

  @Override
  Map<String, String> environment() {
    return TestServers.environment(dataDir, secret);
  }

  @Override
  DeliveryTable table() {
    return DeliveryTable.h2(dataDir);
  }
}
