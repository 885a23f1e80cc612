package dev.workstreams.workflow;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the handlers for a delivery, the way GitHub-App frameworks do:
 * {@code router.on("issues.labeled", handler)} for one action, {@code router.on("issues", handler)}
 * for every action of the event. Handlers run one after the other in registration order, those
 * for the whole event first.
 */
public final class EventRouter {
  private static final Pattern NAME = Pattern.compile("[a-z_]+(\\.[a-z_]+)?");

  private final Map<String, List<EventHandler>> handlers = new ConcurrentHashMap<>();

  public EventRouter on(String eventOrEventAction, EventHandler handler) {
    if (!NAME.matcher(eventOrEventAction).matches()) {
      throw new IllegalArgumentException(
          "register handlers for 'event' or 'event.action' (like issues.labeled), got '" + eventOrEventAction + "'");
    }
    handlers.computeIfAbsent(eventOrEventAction, k -> new CopyOnWriteArrayList<>()).add(handler);
    return this;
  }

  /** Runs every handler registered for this delivery; the first exception stops the rest. */
  public void route(EventContext context) throws Exception {
    for (EventHandler handler : handlersFor(context)) {
      handler.handle(context);
    }
  }

  List<EventHandler> handlersFor(EventContext context) {
    List<EventHandler> forEvent = handlers.getOrDefault(context.event(), List.of());
    List<EventHandler> forAction =
        context.action().map(a -> handlers.getOrDefault(context.event() + "." + a, List.of())).orElse(List.of());
    if (forAction.isEmpty()) {
      return forEvent;
    }
    return Stream.concat(forEvent.stream(), forAction.stream()).toList();
  }
}
