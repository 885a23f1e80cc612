package dev.workstreams.adapter.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.workstreams.config.JobSettings;
import java.time.Duration;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The figures db-scheduler is really given, read back from its builder: a dead instance's jobs
 * move after heartbeat × limit = 120 s, not after db-scheduler's default of six heartbeats.
 */
class DeliveryJobsRecoveryTest {

  @Test
  void givesDbSchedulerTheHeartbeatAndTheLimitThatMakeRecoveryTakeOneLease() {
    InspectableBuilder builder = new InspectableBuilder();
    DeliveryJobs.withRecovery(builder, JobSettings.defaults());

    assertEquals(Duration.ofSeconds(30), builder.heartbeat());
    assertEquals(4, builder.missedHeartbeats());
    assertEquals(Duration.ofSeconds(120), builder.heartbeat().multipliedBy(builder.missedHeartbeats()));
    assertEquals(JobSettings.defaults().deadInstanceRecovery(), builder.heartbeat().multipliedBy(builder.missedHeartbeats()));
  }

  /** db-scheduler keeps the configured values in protected fields; a subclass may read its own. */
  private static final class InspectableBuilder extends SchedulerBuilder {
    InspectableBuilder() {
      super(new JdbcDataSource(), List.of(Tasks.oneTime("inspect").execute((instance, context) -> {})));
    }

    Duration heartbeat() {
      return heartbeatInterval;
    }

    int missedHeartbeats() {
      return numberOfMissedHeartbeatsBeforeDead;
    }
  }
}
