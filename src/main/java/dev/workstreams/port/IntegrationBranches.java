package dev.workstreams.port;

import dev.workstreams.core.preview.CommitPair;
import dev.workstreams.core.preview.PreviewBuild;
import dev.workstreams.core.preview.Tip;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The git side of the conflict radar and the integration preview: the App's copy of a repository,
 * merges computed there without a checkout, and the preview branch it owns.
 */
public interface IntegrationBranches {

  /** Brings the App's copy of the repository up to date; returns the commit each branch points at. */
  Map<String, String> branchTips(RepositoryId repository) throws IOException;

  /** The conflicting paths of each pair of commits (empty: it merges cleanly); nothing is written or pushed. */
  Map<CommitPair, List<String>> conflicts(RepositoryId repository, Collection<CommitPair> pairs) throws IOException;

  /**
   * Rebuilds {@code branch} from {@code baseSha}, merging each tip in the order given and leaving out those that
   * do not merge cleanly, and force-pushes it.
   */
  PreviewBuild buildPreview(RepositoryId repository, String branch, String baseSha, List<Tip> inOrder, String message)
      throws IOException;

  /** Deletes {@code branch} on GitHub; one that is not there is fine. */
  void deleteBranch(RepositoryId repository, String branch) throws IOException;
}
