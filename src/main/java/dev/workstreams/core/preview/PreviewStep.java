package dev.workstreams.core.preview;

/** What to do about a plan's integration preview now. */
public sealed interface PreviewStep {

  /** Nothing: the preview is current, or there is none to have. */
  record Keep() implements PreviewStep {}

  /** Rebuild the branch from these inputs ({@link PreviewInputs#key}) and open or update its pull request. */
  record Build(String inputsKey) implements PreviewStep {}

  /** Close the open preview pull request and delete its branch. */
  record Close(int pullRequest) implements PreviewStep {}

  /** No preview pull request is open, but its branch may remain: delete it. */
  record DeleteBranch() implements PreviewStep {}
}
