package dev.workstreams.adapter.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FileUtils;

/**
 * The working copies of every task, under {@code <DATA_DIR>/workspaces/<owner>/<repo>/<issue>-<task>/},
 * each borrowing its objects from the repository's bare mirror under {@code <DATA_DIR>/repos/}, so
 * that a copy costs its checked-out files plus a few kilobytes. Thread-safe: operations on one
 * repository's mirror are serialized; one task's copy is used by one workflow at a time.
 */
public final class WorkingCopies {

  private final Path workspacesRoot;
  private final Mirrors mirrors;
  private final FS fs = new NoCommandsFs();
  private final BaseCheckout baseCheckouts;

  /** @param dataDir the server's {@code DATA_DIR} */
  public WorkingCopies(Path dataDir) {
    this.workspacesRoot = dataDir.resolve("workspaces");
    this.mirrors = new Mirrors(dataDir.resolve("repos"), fs);
    this.baseCheckouts = new BaseCheckout(dataDir.resolve("drafts"), mirrors, fs);
  }

  /**
   * Makes (or reuses) the task's working copy, on the task branch, up to date with the remote:
   * fetches every branch into the mirror, creates the local task branch from the remote one (or
   * from the base branch when the remote has none), discards what an earlier run left uncommitted
   * while keeping its local commits, merges the remote task branch (someone may have pushed) and
   * then the base branch into it. To start over from the remote, {@link WorkingCopy#remove()} first.
   *
   * @param bot author and committer of the merge commits, and the identity the agent's own {@code
   *     git commit} uses in the copy
   */
  public PrepareResult prepare(RepositoryName repo, Remote remote, TaskKey task, String baseBranch, BotIdentity bot) {
    if (!Repository.isValidRefName(Constants.R_HEADS + baseBranch)) {
      // The name comes from a plan; as a ref it would also be a path under .git.
      return new PrepareResult.BaseBranchMissing(baseBranch);
    }
    Path dir = copyPath(repo, task);
    RemoteSession session = remote.open();
    try {
      Optional<String> unavailable = mirrors.locked(repo, () -> refreshAndTrack(repo, session, task, baseBranch, dir));
      if (unavailable.isPresent()) {
        return new PrepareResult.RemoteUnavailable(unavailable.get());
      }
      try (Git git = Git.open(dir.toFile(), fs)) {
        useIdentity(git.getRepository(), bot);
        return new CopyPreparation(git.getRepository(), new BranchMerger(bot), task, baseBranch).run(copy(repo, task));
      }
    } catch (IOException | GitAPIException e) {
      throw new WorkingCopyException(
          "preparing the working copy of " + repo + " for task " + task + " failed: "
              + session.redact(e.getMessage()), e);
    }
  }

  /** The mirrors, with their locks, for the radar and preview merges ({@link MirrorMerges}). */
  Mirrors mirrors() {
    return mirrors;
  }

  FS fs() {
    return fs;
  }

  /**
   * A fresh, read-only checkout of {@code baseBranch} for the planner drafting {@code issue}'s plan,
   * replacing any earlier one; {@link #removeBaseCheckout} deletes it.
   *
   * @throws WorkingCopyException when the remote cannot be fetched or has no such branch
   */
  public Path baseCheckout(RepositoryName repo, Remote remote, int issue, String baseBranch) {
    if (!Repository.isValidRefName(Constants.R_HEADS + baseBranch)) {
      throw new WorkingCopyException("`" + baseBranch + "` is not a branch name", null);
    }
    return baseCheckouts.checkout(repo, remote, issue, baseBranch);
  }

  public void removeBaseCheckout(Path checkout) throws IOException {
    baseCheckouts.remove(checkout);
  }

  /** The task's existing working copy, for the steps after the agent (also after a restart). */
  public Optional<WorkingCopy> open(RepositoryName repo, TaskKey task) {
    Path dir = copyPath(repo, task);
    return Files.isRegularFile(dir.resolve(".git/HEAD")) ? Optional.of(copy(repo, task)) : Optional.empty();
  }

  private WorkingCopy copy(RepositoryName repo, TaskKey task) {
    return new WorkingCopy(new CopyContext(repo, task, copyPath(repo, task), mirrors, fs));
  }

  private Path copyPath(RepositoryName repo, TaskKey task) {
    return workspacesRoot.resolve(repo.owner()).resolve(repo.name()).resolve(task.folderName());
  }

  /**
   * The agent's own {@code git commit} needs an identity; HOME is empty for it, so it is set here, on
   * every run: a copy made before the App knew its bot user must not keep an older identity.
   */
  private static void useIdentity(Repository repo, BotIdentity bot) throws IOException {
    StoredConfig config = repo.getConfig();
    if (bot.name().equals(config.getString("user", null, "name"))
        && bot.email().equals(config.getString("user", null, "email"))) {
      return;
    }
    config.setString("user", null, "name", bot.name());
    config.setString("user", null, "email", bot.email());
    config.save();
  }

  /** Returns why the remote could not be reached, if it could not. */
  private Optional<String> refreshAndTrack(
      RepositoryName repo, RemoteSession session, TaskKey task, String baseBranch, Path dir)
      throws IOException, GitAPIException {
    try {
      mirrors.refresh(repo, session);
    } catch (TransportException | InvalidRemoteException e) {
      return Optional.of(session.redact(e.getMessage()));
    }
    if (!Files.isRegularFile(dir.resolve(".git/HEAD"))) {
      create(repo, task, dir);
    }
    try (Git git = Git.open(dir.toFile(), fs)) {
      mirrors.track(repo, git.getRepository(), baseBranch);
      mirrors.track(repo, git.getRepository(), task.branch());
    }
    return Optional.empty();
  }

  private void create(RepositoryName repo, TaskKey task, Path dir) throws IOException, GitAPIException {
    // A folder without .git/HEAD is what a crash during an earlier create left behind.
    FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
    Files.createDirectories(dir);
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch(task.branch()).setFs(fs).call()) {
      Repository r = git.getRepository();
      Path info = r.getDirectory().toPath().resolve("objects").resolve("info");
      Files.createDirectories(info);
      Files.writeString(info.resolve("alternates"),
          mirrors.path(repo).resolve("objects").toAbsolutePath() + "\n");
      StoredConfig config = r.getConfig();
      // A gc in a copy may pack the borrowed objects into it: fifty megabytes instead of five kilobytes.
      config.setInt("gc", null, "auto", 0);
      config.setBoolean("commit", null, "gpgsign", false);
      config.save();
    }
  }
}
