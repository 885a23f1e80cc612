package dev.workstreams.adapter.git;

import dev.workstreams.core.preview.CommitPair;
import dev.workstreams.core.preview.LeftOut;
import dev.workstreams.core.preview.PreviewBuild;
import dev.workstreams.core.preview.Tip;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * Merges on a repository's bare mirror, without a working copy: the conflict radar's in-memory
 * merges of two commits, and the integration preview's branch built from the base by merging each
 * ready workstream in turn and force-pushed. Shares the mirrors (and their locks) of the agents'
 * {@link WorkingCopies}, so a fetch for the radar never runs beside a fetch for an agent.
 *
 * <p>The outcome of merging two commits never changes, so it is remembered by commit pair (a bounded
 * number of them): a push makes the radar merge only the pairs with the new commit.
 */
public final class MirrorMerges {

  private static final int REMEMBERED_PAIRS = 20_000;
  private static final String PREVIEW_REFS = "refs/workstreams/preview/";

  private final Mirrors mirrors;
  private final WorkingCopies copies;
  private final Map<String, List<String>> remembered = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
      return size() > REMEMBERED_PAIRS;
    }
  };

  public MirrorMerges(WorkingCopies copies) {
    this.copies = copies;
    this.mirrors = copies.mirrors();
  }

  /** Fetches every branch into the mirror; returns the commit each branch of the remote points at. */
  public Map<String, String> refresh(RepositoryName repo, Remote remote) throws IOException {
    RemoteSession session = remote.open();
    try {
      return mirrors.locked(repo, () -> {
        try {
          mirrors.refresh(repo, session);
        } catch (TransportException | InvalidRemoteException e) {
          throw new IOException("fetching " + repo + " failed: " + session.redact(e.getMessage()));
        }
        Map<String, String> tips = new TreeMap<>();
        try (Repository mirror = open(repo)) {
          for (Ref ref : mirror.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
            tips.put(ref.getName().substring(Constants.R_HEADS.length()), ref.getObjectId().name());
          }
        }
        return tips;
      });
    } catch (GitAPIException e) {
      throw new IOException("fetching " + repo + " failed: " + session.redact(e.getMessage()), e);
    }
  }

  /** The conflicting paths of each pair (empty: it merges cleanly), merged in memory on the mirror. */
  public Map<CommitPair, List<String>> conflicts(RepositoryName repo, Collection<CommitPair> pairs) throws IOException {
    Map<CommitPair, List<String>> answers = new LinkedHashMap<>();
    List<CommitPair> unknown = new ArrayList<>();
    for (CommitPair pair : pairs) {
      Optional<List<String>> known = known(repo, pair);
      if (known.isPresent()) {
        answers.put(pair, known.get());
      } else {
        unknown.add(pair);
      }
    }
    if (unknown.isEmpty()) {
      return answers;
    }
    try {
      mirrors.locked(repo, () -> {
        try (Repository mirror = open(repo); PairMerges merger = new PairMerges(mirror)) {
          for (CommitPair pair : unknown) {
            List<String> paths = List.copyOf(merger.conflicts(
                ObjectId.fromString(pair.first()), ObjectId.fromString(pair.second())));
            remember(repo, pair, paths);
            answers.put(pair, paths);
          }
        }
        return null;
      });
    } catch (GitAPIException e) {
      throw new IOException("merging in " + repo + " failed: " + e.getMessage(), e);
    }
    return answers;
  }

  /**
   * Builds {@code branch} from {@code baseSha} by merging each tip in the order given, leaving out
   * those that do not merge cleanly on top of the ones before, with {@code bot} as author and
   * committer, and force-pushes it: the App owns the branch alone.
   */
  public PreviewBuild buildPreview(RepositoryName repo, Remote remote, BotIdentity bot, String branch, String baseSha,
      List<Tip> inOrder, String message) throws IOException {
    RemoteSession session = remote.open();
    try {
      return mirrors.locked(repo, () -> {
        try (Repository mirror = open(repo); RevWalk walk = new RevWalk(mirror);
            ObjectInserter inserter = mirror.newObjectInserter(); PairMerges pairs = new PairMerges(mirror)) {
          RevCommit current = walk.parseCommit(ObjectId.fromString(baseSha));
          List<Tip> merged = new ArrayList<>();
          List<LeftOut> leftOut = new ArrayList<>();
          PersonIdent ident = new PersonIdent(bot.name(), bot.email());
          for (Tip tip : inOrder) {
            RevCommit theirs = walk.parseCommit(ObjectId.fromString(tip.sha()));
            ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(inserter, mirror.getConfig());
            if (!mergesCleanly(merger, current, theirs)) {
              leftOut.add(new LeftOut(tip, pairs.conflicts(current, theirs)));
              continue;
            }
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(merger.getResultTreeId());
            commit.setParentIds(current, theirs);
            commit.setAuthor(ident);
            commit.setCommitter(ident);
            commit.setMessage("Merge workstream " + tip.taskId() + " (#" + tip.pullRequest() + ") into the preview\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            current = walk.parseCommit(id);
            merged.add(tip);
          }
          if (merged.isEmpty()) {
            // A preview of nothing is the base itself: one commit on top keeps its pull request open on GitHub.
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(current.getTree());
            commit.setParentIds(current);
            commit.setAuthor(ident);
            commit.setCommitter(ident);
            commit.setMessage(message + "\n");
            current = walk.parseCommit(inserter.insert(commit));
            inserter.flush();
          }
          forcePush(mirror, session, branch, current);
          return new PreviewBuild(current.name(), merged, leftOut);
        }
      });
    } catch (GitAPIException e) {
      throw new IOException("pushing " + branch + " to " + repo + " failed: " + session.redact(e.getMessage()), e);
    }
  }

  /** False where JGit's merger gives up on a file put in place of a folder on both sides (a conflict to git). */
  private static boolean mergesCleanly(ResolveMerger merger, RevCommit ours, RevCommit theirs) throws IOException {
    try {
      return merger.merge(ours, theirs);
    } catch (IncorrectObjectTypeException e) {
      return false;
    }
  }

  /** Deletes {@code branch} on the remote; a branch that is not there is fine. */
  public void deleteBranch(RepositoryName repo, Remote remote, String branch) throws IOException {
    RemoteSession session = remote.open();
    try {
      mirrors.locked(repo, () -> {
        try (Repository mirror = open(repo); Git git = new Git(mirror)) {
          push(git, session, ":" + Constants.R_HEADS + branch, branch);
          RefUpdate local = mirror.updateRef(PREVIEW_REFS + branch);
          local.setForceUpdate(true);
          local.delete();
        }
        return null;
      });
    } catch (GitAPIException e) {
      throw new IOException("deleting " + branch + " in " + repo + " failed: " + session.redact(e.getMessage()), e);
    }
  }

  private void forcePush(Repository mirror, RemoteSession session, String branch, RevCommit commit)
      throws IOException, GitAPIException {
    RefUpdate local = mirror.updateRef(PREVIEW_REFS + branch);
    local.setNewObjectId(commit);
    local.setForceUpdate(true);
    RefUpdate.Result result = local.forceUpdate();
    if (result == RefUpdate.Result.LOCK_FAILURE || result == RefUpdate.Result.IO_FAILURE
        || result == RefUpdate.Result.REJECTED) {
      throw new IOException("could not record the preview " + branch + " in the mirror: " + result);
    }
    try (Git git = new Git(mirror)) {
      push(git, session, "+" + PREVIEW_REFS + branch + ":" + Constants.R_HEADS + branch, branch);
    }
  }

  private static void push(Git git, RemoteSession session, String spec, String branch) throws IOException, GitAPIException {
    Iterable<PushResult> results;
    try {
      results = git.push().setRemote(session.url()).setCredentialsProvider(session.credentialsProvider())
          .setRefSpecs(new RefSpec(spec)).setForce(true).call();
    } catch (TransportException | InvalidRemoteException e) {
      throw new IOException("pushing " + branch + " failed: " + session.redact(e.getMessage()));
    }
    for (PushResult result : results) {
      RemoteRefUpdate update = result.getRemoteUpdate(Constants.R_HEADS + branch);
      if (update == null) {
        continue;
      }
      switch (update.getStatus()) {
        case OK, UP_TO_DATE, NON_EXISTING -> {
          return;
        }
        default -> throw new IOException("the remote refused " + branch + ": " + update.getStatus() + " "
            + session.redact(String.valueOf(update.getMessage())) + " " + session.redact(result.getMessages()));
      }
    }
    throw new IOException("JGit reported no status for " + branch);
  }

  private Repository open(RepositoryName repo) throws IOException {
    return new FileRepositoryBuilder().setGitDir(mirrors.path(repo).toFile()).setFS(copies.fs()).setMustExist(true).build();
  }

  private Optional<List<String>> known(RepositoryName repo, CommitPair pair) {
    synchronized (remembered) {
      return Optional.ofNullable(remembered.get(repo + " " + pair.first() + " " + pair.second()));
    }
  }

  private void remember(RepositoryName repo, CommitPair pair, List<String> paths) {
    synchronized (remembered) {
      remembered.put(repo + " " + pair.first() + " " + pair.second(), paths);
    }
  }
}
