package dev.workstreams.adapter.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.workstreams.adapter.metrics.DeliveryMetrics;
import dev.workstreams.adapter.store.Database;
import dev.workstreams.config.JobSettings;
import dev.workstreams.workflow.EventRouter;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The durable job queue (db-scheduler over the delivery store's database): one job per delivery,
 * named by its delivery id, written together with the delivery by {@link DeliveryBatchWriter}.
 * Any instance sharing the database may run it; a job whose instance died is picked up again once
 * its heartbeat is stale.
 */
public final class DeliveryJobs implements AutoCloseable {
  static final String TASK_NAME = "handle-delivery";
  private static final Logger log = LoggerFactory.getLogger(DeliveryJobs.class);

  private final Scheduler scheduler;
  private final ScheduledExecutorService timer;
  private final JobWakeUps wakeUps;
  private final SubjectLeases leases;
  private final JobSettings settings;
  private final String instanceName;

  private DeliveryJobs(Scheduler scheduler, ScheduledExecutorService timer, JobWakeUps wakeUps, SubjectLeases leases,
      JobSettings settings, String instanceName) {
    this.scheduler = scheduler;
    this.timer = timer;
    this.wakeUps = wakeUps;
    this.leases = leases;
    this.settings = settings;
    this.instanceName = instanceName;
  }

  /**
   * Builds the queue for this instance with {@code settings.workers()} threads (at least one); it
   * picks no job before {@link #start()}, so that the router's handlers can be completed first.
   */
  public static DeliveryJobs create(
      Database database,
      EventRouter router,
      ObjectMapper json,
      DeliveryMetrics metrics,
      JobSettings settings,
      Clock clock,
      IntakePressure pressure,
      String instanceName) {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "delivery-jobs-timer");
      thread.setDaemon(true);
      return thread;
    });
    SchedulerHolder holder = new SchedulerHolder();
    SubjectLeases leases = new SubjectLeases(database.dataSource(), clock, instanceName, settings.leaseDuration());
    DeliveryRecords records = new DeliveryRecords(database.dataSource());
    JobWakeUps wakeUps = new JobWakeUps(database.dataSource(), new AutodetectJdbcCustomization(database.dataSource()),
        records, leases, clock, timer, holder::poll);
    DeliveryAttempt attempt =
        new DeliveryAttempt(records, parking(database, settings), leases, wakeUps, router, json, metrics, settings, clock);
    Scheduler scheduler = withRecovery(Scheduler.create(database.dataSource(), task(attempt, pressure, settings)), settings)
        .threads(Math.max(1, settings.workers()))
        .pollingInterval(settings.pollInterval())
        .schedulerName(new SchedulerName.Fixed(instanceName))
        .shutdownMaxWait(Duration.ofSeconds(30))
        .build();
    holder.scheduler = scheduler;
    return new DeliveryJobs(scheduler, timer, wakeUps, leases, settings, instanceName);
  }

  /** Starts picking jobs, and renewing the leases on the subjects this instance handles. */
  public void start() {
    scheduler.start();
    long renewEvery = Math.max(settings.leaseDuration().toMillis() / 3, 10);
    timer.scheduleWithFixedDelay(() -> renew(leases), renewEvery, renewEvery, TimeUnit.MILLISECONDS);
    log.info("handling deliveries with {} workers as {}", Math.max(1, settings.workers()), instanceName);
  }

  /**
   * Called after deliveries are committed: look for due jobs shortly instead of at the next poll,
   * and make sure the subjects whose new deliveries were stored asleep have someone to wake them.
   */
  public void afterIntake(Set<String> deferredSubjects) {
    wakeUps.poll();
    if (!deferredSubjects.isEmpty()) {
      wakeUps.checkLater(deferredSubjects);
    }
  }

  /** Stops picking jobs and waits for the running ones (their deliveries stay pending otherwise). */
  @Override
  public void close() {
    scheduler.stop();
    timer.shutdownNow();
  }

  private static Parking parking(Database database, JobSettings settings) {
    DataSource dataSource = database.dataSource();
    return new Parking(dataSource, new DeliveryBatchInsert(new AutodetectJdbcCustomization(dataSource), settings.subjectWaitFallback()));
  }

  private static CustomTask<Void> task(DeliveryAttempt attempt, IntakePressure pressure, JobSettings settings) {
    return Tasks.custom(TASK_NAME, Void.class)
        // Reached only when the attempt itself could not run (the database failed under it);
        // handler failures are counted and backed off inside DeliveryAttempt.
        .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(settings.firstRetryDelay()))
        .execute((instance, context) -> {
          String deliveryId = instance.getId();
          pressure.yieldToIntake();
          try (MDC.MDCCloseable ignored = MDC.putCloseable("delivery", deliveryId)) {
            return completionFor(attempt.run(deliveryId));
          } catch (SQLException e) {
            throw new IllegalStateException("delivery " + deliveryId + ": database error while handling", e);
          }
        });
  }

  private static CompletionHandler<Void> completionFor(AttemptOutcome outcome) {
    if (outcome instanceof AttemptOutcome.RunAgainAt again) {
      return (complete, operations) -> operations.reschedule(complete, again.at());
    }
    return new CompletionHandler.OnCompleteRemove<>();
  }

  /**
   * The scheduler is built after the wake-ups that its task needs, and the wake-ups poll the
   * scheduler: a real cycle inside db-scheduler's builder (the task is given at creation), so the
   * wake-ups reach the scheduler through this.
   */
  private static final class SchedulerHolder {
    private volatile Scheduler scheduler;

    void poll() {
      Scheduler current = scheduler;
      if (current != null) {
        current.triggerCheckForDueExecutions();
      }
    }
  }

  private static void renew(SubjectLeases leases) {
    try {
      leases.renewOwn();
    } catch (SQLException | RuntimeException e) {
      log.warn("could not renew subject leases: {}", e.toString());
    }
  }

  /**
   * A dead instance's jobs are picked up after {@link JobSettings#deadInstanceRecovery()}: both
   * factors are set here, db-scheduler's default limit (six) would stretch it by half.
   */
  static SchedulerBuilder withRecovery(SchedulerBuilder builder, JobSettings settings) {
    return builder
        .heartbeatInterval(settings.heartbeatInterval())
        .missedHeartbeatsLimit(JobSettings.MISSED_HEARTBEATS_LIMIT);
  }
}
