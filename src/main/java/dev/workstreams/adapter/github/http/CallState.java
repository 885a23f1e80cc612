package dev.workstreams.adapter.github.http;

import java.time.Duration;

/** What one call has met so far: failures, secondary limits, time spent waiting. */
final class CallState {

  final Lane lane;
  final String method;
  final String route;
  /** Whether the call may be sent again after its answer was lost ({@link RepeatableCalls}). */
  final boolean repeatable;
  int failures;
  int secondaryHits;
  Duration waited = Duration.ZERO;

  CallState(Lane lane, String method, String route, boolean repeatable) {
    this.lane = lane;
    this.method = method;
    this.route = route;
    this.repeatable = repeatable;
  }

  /** {@code POST /repos/{owner}/{repo}/pulls for installation 42}: ids and route, no names or secrets. */
  String describe() {
    String who = switch (lane.id()) {
      case "app" -> "the App";
      case "anonymous" -> "an unauthenticated request";
      default -> "installation " + lane.id();
    };
    return method + " " + route + " for " + who;
  }
}
