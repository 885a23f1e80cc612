package dev.workstreams.adapter.github.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workstreams.adapter.github.http.GitHubAnswerLostException;
import dev.workstreams.adapter.github.http.HttpReply;
import dev.workstreams.adapter.github.http.RestPaths;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Check runs, created completed: the App judges a commit at once and never leaves a run in progress.
 * One run per head commit and name: an existing one is updated in place, so a redelivered event or
 * a creation whose answer was lost never leaves two runs of the same check on one commit.
 */
final class CheckRuns {

  /** GitHub refuses a check run whose {@code output.summary} is longer than this. */
  static final int MAX_SUMMARY = 65_535;
  static final String CUT_NOTE = "\n\n… (cut here: GitHub shows at most 65,535 characters of a check run's summary)";
  /** A creation whose answer is lost is looked up and tried again this often before the job is left to retry. */
  private static final int MAX_CREATIONS = 3;

  private final RestCalls rest;
  private final String repo;

  CheckRuns(RestCalls rest, String repo) {
    this.rest = rest;
    this.repo = repo;
  }

  void report(String headSha, String name, boolean success, String title, String summary) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("status", "completed");
    body.put("conclusion", success ? "success" : "failure");
    body.put("output", Map.of("title", title, "summary", fitted(summary)));
    for (int creation = 1; ; creation++) {
      Optional<Long> existing = existing(headSha, name);
      if (existing.isPresent() && updated(existing.get(), body)) {
        return;
      }
      String path = repo + "/check-runs";
      Map<String, Object> created = new LinkedHashMap<>(body);
      created.put("head_sha", headSha);
      try {
        RestCalls.expect(rest.post(path, created), "POST", path);
        return;
      } catch (GitHubAnswerLostException lost) {
        if (creation == MAX_CREATIONS) {
          throw lost;
        }
        // the run may exist now: the next round finds it and updates it instead
      }
    }
  }

  /** The newest run of this name on the commit, by any App: GitHub lets only its own App update it. */
  private Optional<Long> existing(String headSha, String name) throws IOException {
    String path = repo + "/commits/" + RestPaths.segment(headSha) + "/check-runs?filter=latest&per_page=100&check_name="
        + RestPaths.query(name);
    JsonNode runs = rest.json(rest.get(path), "GET", path).path("check_runs");
    Optional<Long> newest = Optional.empty();
    for (JsonNode run : runs) {
      if (run.path("name").asText().equals(name) && run.path("head_sha").asText(headSha).equals(headSha)) {
        long id = run.path("id").asLong();
        newest = newest.isEmpty() || id > newest.get() ? Optional.of(id) : newest;
      }
    }
    return newest;
  }

  /** False when the run is another App's (GitHub answers 403 or 404): then the App makes its own. */
  private boolean updated(long id, Map<String, Object> body) throws IOException {
    String path = repo + "/check-runs/" + id;
    HttpReply reply = rest.patch(path, body);
    if (reply.status() == 403 || reply.status() == 404) {
      return false;
    }
    RestCalls.expect(reply, "PATCH", path);
    return true;
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
