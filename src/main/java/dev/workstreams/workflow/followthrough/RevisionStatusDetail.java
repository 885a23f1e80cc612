package dev.workstreams.workflow.followthrough;

/**
 * A row's detail with the follow-through status after it: what the last run left ("exited with status 1")
 * stays in front, an earlier status is replaced, never repeated.
 */
final class RevisionStatusDetail {

  private static final String SEPARATOR = " · ";
  /** The workstreams table keeps details to 4,000 characters; the status must fit beside the run's detail. */
  private static final int MAX_DETAIL = 3_500;

  private RevisionStatusDetail() {}

  static String with(String detail, String status) {
    int earlier = detail.startsWith("revisions ") ? 0 : detail.indexOf(SEPARATOR + "revisions ");
    String base = earlier < 0 ? detail : detail.substring(0, earlier);
    String room = base.length() > MAX_DETAIL - status.length() ? base.substring(0, MAX_DETAIL - status.length()) + "…" : base;
    return room.isEmpty() ? status : room + SEPARATOR + status;
  }
}
