package dev.workstreams.adapter.git;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.util.FS;

/**
 * A throw-away checkout of a repository's base branch for the planner, under {@code
 * <DATA_DIR>/drafts/<owner>/<repo>/<issue>/}: objects borrowed from the mirror, every file and
 * folder made read-only, deleted when the planner is done. Nothing in it is ever committed or pushed.
 */
final class BaseCheckout {

  private static final Set<PosixFilePermission> WRITE = EnumSet.of(PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

  private final Path root;
  private final Mirrors mirrors;
  private final FS fs;

  BaseCheckout(Path root, Mirrors mirrors, FS fs) {
    this.root = root;
    this.mirrors = mirrors;
    this.fs = fs;
  }

  /** The checkout's folder, or why there is none: the remote cannot be reached or has no such branch. */
  Path checkout(RepositoryName repo, Remote remote, int issue, String baseBranch) {
    Path dir = root.resolve(repo.owner()).resolve(repo.name()).resolve(Integer.toString(issue));
    RemoteSession session = remote.open();
    try {
      remove(dir);
      Files.createDirectories(dir);
      Optional<String> problem = mirrors.locked(repo, () -> {
        try {
          mirrors.refresh(repo, session);
        } catch (TransportException | InvalidRemoteException e) {
          return Optional.of("the repository could not be fetched: " + session.redact(e.getMessage()));
        }
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch(baseBranch).setFs(fs).call()) {
          Path info = git.getRepository().getDirectory().toPath().resolve("objects").resolve("info");
          Files.createDirectories(info);
          Files.writeString(info.resolve("alternates"), mirrors.path(repo).resolve("objects").toAbsolutePath() + "\n");
          StoredConfig config = git.getRepository().getConfig();
          config.setInt("gc", null, "auto", 0);
          config.save();
          mirrors.track(repo, git.getRepository(), baseBranch);
          if (git.getRepository().exactRef(Constants.R_REMOTES + "origin/" + baseBranch) == null) {
            return Optional.of("the base branch `" + baseBranch + "` does not exist");
          }
        }
        return Optional.<String>empty();
      });
      if (problem.isPresent()) {
        throw new WorkingCopyException("no checkout of " + repo + " for the planner: " + problem.get(), null);
      }
      try (Git git = Git.open(dir.toFile(), fs)) {
        git.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD)
            .setRef(Constants.R_REMOTES + "origin/" + baseBranch).call();
      }
      readOnly(dir);
      return dir;
    } catch (IOException | GitAPIException e) {
      throw new WorkingCopyException("checking out " + baseBranch + " of " + repo + " for the planner failed: "
          + session.redact(String.valueOf(e.getMessage())), e);
    }
  }

  /** Deletes a checkout, read-only parts included. */
  void remove(Path dir) throws IOException {
    ForcedDelete.tree(dir);
  }

  // The planner reads; it has no business writing. Symbolic links are left as they are: they are not followed.
  private static void readOnly(Path dir) throws IOException {
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
        if (attrs.isRegularFile()) {
          Set<PosixFilePermission> p = Files.getPosixFilePermissions(f);
          p.removeAll(WRITE);
          Files.setPosixFilePermissions(f, p);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(d);
        p.removeAll(WRITE);
        Files.setPosixFilePermissions(d, p);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
