package dev.workstreams.adapter.agent;

import java.time.Duration;
import java.util.List;

/** Turns how a command ended into the run's outcome, and an outcome into words for the log. */
final class RunSummary {

  private RunSummary() {}

  static AgentOutcome ofSetup(List<String> command, Duration limit, SupervisedProcess.Ending ending) {
    if (ending instanceof SupervisedProcess.Ending.Exited exited) {
      return new AgentOutcome.SetupFailed(command, exited.status());
    }
    return ofAgent(command, limit, ending);
  }

  static AgentOutcome ofAgent(List<String> command, Duration limit, SupervisedProcess.Ending ending) {
    if (ending instanceof SupervisedProcess.Ending.Exited exited) {
      return new AgentOutcome.Exited(exited.status());
    }
    if (ending instanceof SupervisedProcess.Ending.TimedOut) {
      return new AgentOutcome.TimedOut(command, limit);
    }
    if (ending instanceof SupervisedProcess.Ending.LimitHit hit) {
      return new AgentOutcome.LimitHit(command, hit.limit(), hit.status());
    }
    if (ending instanceof SupervisedProcess.Ending.FailedToStart failed) {
      return new AgentOutcome.FailedToStart(failed.reason());
    }
    return new AgentOutcome.Cancelled();
  }

  static String describe(AgentOutcome outcome) {
    if (outcome instanceof AgentOutcome.Exited exited) {
      return "exited with status " + exited.status();
    }
    if (outcome instanceof AgentOutcome.SetupFailed failed) {
      return "setup command " + String.join(" ", failed.command()) + " exited with status " + failed.status();
    }
    if (outcome instanceof AgentOutcome.TimedOut timedOut) {
      return String.join(" ", timedOut.command()) + " timed out (limit " + DurationText.format(timedOut.limit()) + ")";
    }
    if (outcome instanceof AgentOutcome.LimitHit hit) {
      return String.join(" ", hit.command()) + " " + hit.limit();
    }
    if (outcome instanceof AgentOutcome.FailedToStart failed) {
      return "failed to start: " + failed.reason();
    }
    return "cancelled";
  }
}
