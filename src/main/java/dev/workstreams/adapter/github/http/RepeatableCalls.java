package dev.workstreams.adapter.github.http;

import java.util.Set;

/**
 * Which calls may be sent again when GitHub's answer was lost (a 5xx, or a connection that broke
 * after the request may have reached GitHub). The one place that decides it: the pipeline asks
 * here, and a call that is not repeatable fails with {@link GitHubAnswerLostException} so that
 * its caller looks for what the first attempt may have made before making it again.
 *
 * <p>Reads are repeatable, and so are writes whose repetition GitHub itself makes harmless:
 * {@code PUT}, {@code PATCH} and {@code DELETE} of a known resource, and the {@code POST}s listed
 * below. Any other {@code POST} creates something GitHub keeps no natural key for (an issue or
 * pull request comment, a check run, a workflow dispatch, a redelivery): sent twice, it exists
 * twice. Unknown {@code POST} routes count as not repeatable, so a new call is safe by default.
 */
public final class RepeatableCalls {

  /** {@code POST} routes (as {@link RouteTemplates} names them) that are safe to send twice. */
  private static final Set<String> REPEATABLE_POSTS = Set.of(
      // a second token is as good as the first; the first simply expires
      "/app/installations/{installation_id}/access_tokens",
      // a used code answers 404: the App cannot be created twice
      "/app-manifests/{code}/conversions",
      // git objects: a commit left dangling is harmless, trees and blobs are content-addressed
      "/repos/{owner}/{repo}/git/commits",
      "/repos/{owner}/{repo}/git/trees",
      "/repos/{owner}/{repo}/git/blobs",
      // GitHub answers 422 "already exists" to the second one, which the gateway treats as success
      "/repos/{owner}/{repo}/git/refs",
      "/repos/{owner}/{repo}/labels",
      "/repos/{owner}/{repo}/pulls",
      // adds to a set: adding a label already there changes nothing
      "/repos/{owner}/{repo}/issues/{number}/labels",
      // asking again while the jobs re-run is refused and changes nothing (follow-through's rerun_failed_checks)
      "/repos/{owner}/{repo}/actions/runs/{id}/rerun-failed-jobs",
      // the only GraphQL call the App sends is markPullRequestReadyForReview, which is idempotent
      "/graphql",
      "/api/graphql");

  private RepeatableCalls() {}

  /** @param method upper case; @param route a template from {@link RouteTemplates} */
  public static boolean mayRepeat(String method, String route) {
    return switch (method) {
      case "POST" -> REPEATABLE_POSTS.contains(route);
      default -> true;
    };
  }
}
