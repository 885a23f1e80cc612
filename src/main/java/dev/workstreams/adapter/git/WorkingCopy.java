package dev.workstreams.adapter.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Predicate;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.util.FileUtils;

/**
 * One task's working copy, on its task branch. Obtained from {@link WorkingCopies#prepare} or
 * {@link WorkingCopies#open}. After the agent ran, a workflow typically calls, in order: {@link
 * #strayWork()}, {@link #commitChanges}, {@link #changedPathsSince}, {@link #dropPathsOutside}
 * (protected paths, and paths outside the task under {@code enforcement: block}), {@link #push}. Not thread-safe: one workflow at a time.
 */
public final class WorkingCopy {

  /** Where {@link WorkingCopies#prepare} records the commit the agent starts from. */
  static final String START_REF = "refs/workstreams/start";
  /** Where {@link #dropPathsOutside} keeps the branch as the agent left it. */
  static final String UNFILTERED_REF = "refs/workstreams/unfiltered";

  private final CopyContext context;

  WorkingCopy(CopyContext context) {
    this.context = context;
  }

  public RepositoryName repository() {
    return context.repo();
  }

  public TaskKey task() {
    return context.task();
  }

  /** The folder the agent runs in. */
  public Path directory() {
    return context.directory();
  }

  /** The start commit recorded by the last {@link WorkingCopies#prepare}, if any. */
  public Optional<String> startCommit() {
    return read(git -> Optional.ofNullable(git.getRepository().resolve(START_REF)).map(ObjectId::name));
  }

  /** The commit the task branch points at. */
  public String taskBranchTip() {
    return read(git -> context.taskTip(git.getRepository()).name());
  }

  /**
   * Commits every change the agent left (modified, added and deleted files; {@code .gitignore}
   * respected) on top of the task branch, including on top of commits the agent made itself, with
   * {@code identity} as author and committer. Git hooks never run.
   */
  public CommitResult commitChanges(BotIdentity identity, String message) {
    return read(git -> {
      HeadState head = new StrayWorkFinder(git.getRepository(), context.taskRef()).head();
      if (!(head instanceof HeadState.OnTaskBranch)) {
        return new CommitResult.NotOnTaskBranch(head);
      }
      git.add().addFilepattern(".").setAll(true).call();
      if (ChangedPaths.uncommitted(git).isEmpty()) {
        return new CommitResult.NothingToCommit();
      }
      PersonIdent person = new PersonIdent(identity.name(), identity.email());
      return new CommitResult.Committed(git.commit()
          .setAuthor(person).setCommitter(person).setMessage(message).setNoVerify(true).setSign(false)
          .call().name());
    });
  }

  /**
   * Paths changed since {@code startCommit}: by the task branch's new commits (each one, and the
   * net difference) and by uncommitted changes. A rename counts at both paths.
   */
  public SortedSet<String> changedPathsSince(String startCommit) {
    return read(git -> {
      Repository repo = git.getRepository();
      SortedSet<String> paths =
          ChangedPaths.committed(repo, ObjectId.fromString(startCommit), context.taskTip(repo));
      paths.addAll(ChangedPaths.uncommitted(git));
      return paths;
    });
  }

  /**
   * Removes from the task branch's new commits every change to a path that {@code allowed} refuses
   * (a protected path; under {@code enforcement: block}, one outside the task's globs and the
   * shared list), so that no pushed commit carries one; {@code bot} commits the rewritten commits.
   * Changes merged in from the base before the start commit are not the agent's and stay. Call
   * after {@link #commitChanges}; refuses to act on uncommitted changes.
   */
  public EnforcementResult dropPathsOutside(String startCommit, Predicate<String> allowed, BotIdentity bot) {
    return read(git -> {
      Repository repo = git.getRepository();
      ObjectId start = ObjectId.fromString(startCommit);
      ObjectId tip = context.taskTip(repo);
      // Only the task branch's commits are pushed: when they are clean, a moved HEAD or uncommitted
      // files change nothing about the push.
      List<String> outside = ChangedPaths.committed(repo, start, tip).stream().filter(allowed.negate()).toList();
      if (outside.isEmpty()) {
        return new EnforcementResult.NothingOutside();
      }
      StrayWorkFinder finder = new StrayWorkFinder(repo, context.taskRef());
      if (!(finder.head() instanceof HeadState.OnTaskBranch)) {
        return new EnforcementResult.NotReady("HEAD is not on " + context.task().branch());
      }
      SortedSet<String> uncommitted = ChangedPaths.uncommitted(git);
      if (!uncommitted.isEmpty()) {
        return new EnforcementResult.NotReady("uncommitted changes: " + String.join(", ", uncommitted));
      }
      ObjectId filtered = new PathsDropper(repo, bot).rewrite(start, tip, Set.copyOf(outside));
      keep(repo, UNFILTERED_REF, tip);
      try (RevWalk walk = new RevWalk(repo)) {
        BranchMerger.moveBranch(repo, context.taskRef(), walk.parseCommit(tip), walk.parseCommit(filtered));
      }
      return new EnforcementResult.Dropped(outside, filtered.name(), tip.name());
    });
  }

  /**
   * Starts merging the base branch ({@code origin/<base>}, as the last {@link WorkingCopies#prepare} fetched it) into
   * the task branch and leaves it in progress: conflict markers in the files, {@code MERGE_HEAD} set, so that an agent
   * can resolve it and {@link #commitChanges} completes the merge commit (JGit takes {@code MERGE_HEAD} as the second
   * parent). Records the task branch's tip as the start commit. Returns the conflicted paths (empty: it merged cleanly
   * and is still uncommitted).
   */
  public List<String> startBaseMerge(String baseBranch) {
    return read(git -> {
      Repository repo = git.getRepository();
      ObjectId base = repo.resolve(org.eclipse.jgit.lib.Constants.R_REMOTES + "origin/" + baseBranch);
      if (base == null) {
        throw new IOException("the base branch " + baseBranch + " was not fetched");
      }
      keep(repo, START_REF, context.taskTip(repo));
      org.eclipse.jgit.api.MergeResult result = git.merge().include(base).setCommit(false)
          .setFastForward(org.eclipse.jgit.api.MergeCommand.FastForwardMode.NO_FF)
          .setMessage("Merge branch '" + baseBranch + "' into " + context.task().branch()).call();
      return result.getConflicts() == null ? List.of() : List.copyOf(new java.util.TreeSet<>(result.getConflicts().keySet()));
    });
  }

  /** Paths that still hold conflict markers ({@code <<<<<<<} and {@code >>>>>>>} lines) among {@code paths}. */
  public List<String> stillConflicted(List<String> paths) {
    List<String> left = new java.util.ArrayList<>();
    for (String path : paths) {
      java.nio.file.Path file = context.directory().resolve(path);
      try {
        if (java.nio.file.Files.isRegularFile(file)) {
          String text = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
          if (text.contains("\n<<<<<<< ") || text.startsWith("<<<<<<< ") || text.contains("\n>>>>>>> ")) {
            left.add(path);
          }
        }
      } catch (IOException e) {
        left.add(path);
      }
    }
    return left;
  }

  /** A moved HEAD and local branches other than the task branch (never pushed). */
  public StrayWork strayWork() {
    return read(git -> new StrayWorkFinder(git.getRepository(), context.taskRef()).find());
  }

  /**
   * Pushes the task branch to {@code remote} without force; merges the remote branch's new commits
   * first when it moved, as {@code bot}. Other branches are never pushed. Expected outcomes
   * (conflict, refusal, unreachable remote) are results; the local commits stay in any case.
   */
  public PushOutcome push(Remote remote, BotIdentity bot) {
    return read(git -> new TaskBranchPusher(context, new BranchMerger(bot)).push(remote));
  }

  /**
   * Takes the commits of a bundle made by an Actions runner onto the task branch, after verifying it
   * (see {@link BundleApplier}): they must descend from {@code expectedHead}, the branch head the run
   * started from. Then, as after a local agent, {@link #dropPathsOutside} from the result's start
   * commit and {@link #push}.
   */
  public BundleResult applyBundle(Path bundle, String expectedHead, BundleLimits limits, BotIdentity bot) {
    return read(git -> new BundleApplier(context, new BranchMerger(bot))
        .apply(git, bundle, ObjectId.fromString(expectedHead), limits));
  }

  /** Deletes the working copy (the mirror stays, for the repository's other tasks). */
  public void remove() {
    try {
      FileUtils.delete(context.directory().toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
    } catch (IOException e) {
      throw new WorkingCopyException("removing the " + context.describe() + " failed", e);
    }
  }

  private static void keep(Repository repo, String ref, ObjectId id) throws IOException {
    RefUpdate update = repo.updateRef(ref);
    update.setNewObjectId(id);
    update.forceUpdate();
  }

  private <T> T read(CopyAction<T> action) {
    try (Git git = context.open()) {
      return action.run(git);
    } catch (IOException | GitAPIException e) {
      throw new WorkingCopyException(context.describe() + ": " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface CopyAction<T> {
    T run(Git git) throws IOException, GitAPIException;
  }
}
