package dev.workstreams.adapter.git;

import dev.workstreams.core.preview.CommitPair;
import dev.workstreams.core.preview.PreviewBuild;
import dev.workstreams.core.preview.Tip;
import dev.workstreams.port.IntegrationBranches;
import dev.workstreams.port.RepositoryId;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link IntegrationBranches} on the repositories' bare mirrors ({@link MirrorMerges}): fetched from and
 * pushed to the remote each repository has (GitHub with the installation's token, or a local repository in
 * tests), the preview's merge commits made as the App's bot user.
 */
public final class GitIntegrationBranches implements IntegrationBranches {

  private final MirrorMerges merges;
  private final Function<RepositoryId, Remote> remotes;
  private final Function<RepositoryId, BotIdentity> bots;

  public GitIntegrationBranches(MirrorMerges merges, Function<RepositoryId, Remote> remotes,
      Function<RepositoryId, BotIdentity> bots) {
    this.merges = merges;
    this.remotes = remotes;
    this.bots = bots;
  }

  @Override
  public Map<String, String> branchTips(RepositoryId repository) throws IOException {
    return merges.refresh(name(repository), remotes.apply(repository));
  }

  @Override
  public Map<CommitPair, List<String>> conflicts(RepositoryId repository, Collection<CommitPair> pairs)
      throws IOException {
    return merges.conflicts(name(repository), pairs);
  }

  @Override
  public PreviewBuild buildPreview(RepositoryId repository, String branch, String baseSha, List<Tip> inOrder,
      String message) throws IOException {
    return merges.buildPreview(name(repository), remotes.apply(repository), bots.apply(repository), branch, baseSha,
        inOrder, message);
  }

  @Override
  public void deleteBranch(RepositoryId repository, String branch) throws IOException {
    merges.deleteBranch(name(repository), remotes.apply(repository), branch);
  }

  private static RepositoryName name(RepositoryId repository) {
    return new RepositoryName(repository.owner(), repository.name());
  }
}
