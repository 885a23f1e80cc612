package dev.workstreams.adapter.github.gateway;

import java.io.IOException;
import java.util.Map;

/** Check runs, created completed: the App judges a commit at once and never leaves a run in progress. */
final class CheckRuns {

  /** GitHub refuses a check run whose {@code output.summary} is longer than this. */
  static final int MAX_SUMMARY = 65_535;
  static final String CUT_NOTE = "\n\n… (cut here: GitHub shows at most 65,535 characters of a check run's summary)";

  private final RestCalls rest;
  private final String repo;

  CheckRuns(RestCalls rest, String repo) {
    this.rest = rest;
    this.repo = repo;
  }

  void report(String headSha, String name, boolean success, String title, String summary) throws IOException {
    String path = repo + "/check-runs";
    Map<String, Object> body = Map.of(
        "name", name,
        "head_sha", headSha,
        "status", "completed",
        "conclusion", success ? "success" : "failure",
        "output", Map.of("title", title, "summary", fitted(summary)));
    RestCalls.expect(rest.post(path, body), "POST", path);
  }

  /** The summary, cut with a note when GitHub would refuse it, never inside a surrogate pair. */
  static String fitted(String summary) {
    if (summary.length() <= MAX_SUMMARY) {
      return summary;
    }
    int end = MAX_SUMMARY - CUT_NOTE.length();
    if (Character.isLowSurrogate(summary.charAt(end))) {
      end--;
    }
    return summary.substring(0, end) + CUT_NOTE;
  }
}
