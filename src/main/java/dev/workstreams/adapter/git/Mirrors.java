package dev.workstreams.adapter.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.util.FS;

/**
 * One bare mirror per repository, {@code <DATA_DIR>/repos/<owner>/<repo>.git}, holding every
 * branch of the remote. Working copies borrow its objects through {@code objects/info/alternates},
 * so it is never garbage-collected: a gc could delete objects a copy still needs (auto-gc is
 * switched off in its config). Several tasks share a mirror; operations on one are serialized by a
 * lock per repository. The lock is in memory: one server instance owns a {@code DATA_DIR}.
 */
final class Mirrors {

  private static final RefSpec ALL_BRANCHES = new RefSpec("+refs/heads/*:refs/heads/*");

  private final Path reposRoot;
  private final FS fs;
  private final ConcurrentHashMap<RepositoryName, ReentrantLock> locks = new ConcurrentHashMap<>();

  Mirrors(Path reposRoot, FS fs) {
    this.reposRoot = reposRoot;
    this.fs = fs;
  }

  Path path(RepositoryName repo) {
    return reposRoot.resolve(repo.owner()).resolve(repo.name() + ".git");
  }

  /** Runs {@code action} while holding {@code repo}'s lock. */
  <T> T locked(RepositoryName repo, GitAction<T> action) throws IOException, GitAPIException {
    ReentrantLock lock = locks.computeIfAbsent(repo, r -> new ReentrantLock());
    lock.lock();
    try {
      return action.run();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Fetches every branch of the remote into the mirror, creating it on first use. Branches deleted
   * on the remote are deleted here too; their objects stay. Call under {@link #locked}.
   */
  void refresh(RepositoryName repo, RemoteSession remote) throws IOException, GitAPIException {
    Path dir = path(repo);
    if (!Files.isRegularFile(dir.resolve("HEAD"))) {
      create(dir);
    }
    try (Git git = Git.open(dir.toFile(), fs)) {
      git.fetch()
          .setRemote(remote.url())
          .setCredentialsProvider(remote.credentialsProvider())
          .setRefSpecs(ALL_BRANCHES)
          .setRemoveDeletedRefs(true)
          .setTagOpt(TagOpt.NO_TAGS)
          .call();
    }
  }

  /**
   * Points the working copy's {@code refs/remotes/origin/<branch>} at the mirror's branch, or
   * deletes it when the mirror has none. This is all a fetch from the mirror would do: the copy
   * already sees every object through its alternates, and JGit's fetch would first walk the whole
   * history to check that, which costs seconds on a large repository. Call under {@link #locked}.
   */
  void track(RepositoryName repo, Repository copy, String branch) throws IOException {
    String trackingRef = Constants.R_REMOTES + "origin/" + branch;
    Optional<ObjectId> tip;
    try (Repository mirror = new FileRepositoryBuilder().setGitDir(path(repo).toFile()).setFS(fs).build()) {
      tip = Optional.ofNullable(mirror.exactRef(Constants.R_HEADS + branch)).map(Ref::getObjectId);
    }
    RefUpdate update = copy.updateRef(trackingRef);
    RefUpdate.Result result;
    if (tip.isPresent()) {
      update.setNewObjectId(tip.get());
      result = update.forceUpdate();
    } else if (copy.exactRef(trackingRef) != null) {
      update.setForceUpdate(true);
      result = update.delete();
    } else {
      return;
    }
    if (result == RefUpdate.Result.LOCK_FAILURE || result == RefUpdate.Result.IO_FAILURE
        || result == RefUpdate.Result.REJECTED) {
      throw new IOException("could not update " + trackingRef + " in the working copy: " + result);
    }
  }

  private void create(Path dir) throws IOException, GitAPIException {
    Files.createDirectories(dir);
    try (Git git = Git.init().setBare(true).setDirectory(dir.toFile()).setFs(fs).call()) {
      StoredConfig config = git.getRepository().getConfig();
      config.setInt("gc", null, "auto", 0);
      config.setInt("gc", null, "autoPackLimit", 0);
      config.setBoolean("receive", null, "autogc", false);
      config.save();
    }
  }
}
