package dev.workstreams.workflow;

/**
 * A reaction to a webhook event. Throwing makes the whole delivery fail and be retried later, so
 * a handler must be safe to run again (a reconciler: it does only what is still missing).
 */
@FunctionalInterface
public interface EventHandler {
  void handle(EventContext context) throws Exception;
}
