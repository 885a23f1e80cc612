package dev.workstreams.adapter.github.http;

/**
 * Whose requests these are, for pacing, rate-limit pauses and metrics. GitHub counts limits per
 * installation (installation tokens) and per App (JWT calls) separately.
 *
 * @param id          the installation id, or {@code app} / {@code anonymous}
 * @param pacesWrites whether writes in this lane go one at a time with a gap between them
 */
public record Lane(String id, boolean pacesWrites) {

  /**
   * Requests made with one installation's token. GitHub asks integrators to make writes one at a
   * time with at least a second between them ("Best practices for using the REST API").
   */
  public static Lane installation(long installationId) {
    return new Lane(Long.toString(installationId), true);
  }

  /** Requests signed with the App's JWT: installation-token creation, App metadata. */
  public static Lane app() {
    return new Lane("app", false);
  }

  /** Requests without credentials: the manifest code exchange during setup. */
  public static Lane anonymous() {
    return new Lane("anonymous", false);
  }
}
