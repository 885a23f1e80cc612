package dev.workstreams.workflow.preview;

import dev.workstreams.core.text.InertText;

/** The one comment on a preview pull request that a person merged anyway. */
final class PreviewWarning {

  private PreviewWarning() {}

  static String merged(int issue, String baseBranch) {
    return "**This was the integration preview of plan #" + issue + " and was not meant to be merged.** Merging it "
        + "brought its workstreams into " + InertText.code(baseBranch) + " all at once, outside their review and merge "
        + "order. The workstreams should be merged one by one, through their own pull requests, in merge order; check "
        + InertText.code(baseBranch) + " and revert this merge if it was a mistake. No new preview is opened for this "
        + "plan.\n";
  }
}
