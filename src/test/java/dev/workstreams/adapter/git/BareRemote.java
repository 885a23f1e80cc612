package dev.workstreams.adapter.git;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A bare repository in a temp folder standing in for GitHub, reached over {@code file://}; a person
 * pushes to it through a scratch clone (JGit both sides).
 */
final class BareRemote {

  static final PersonIdent PERSON = new PersonIdent("A Person", "person@example.com");

  private final Path bare;
  private final Path scratch;

  private BareRemote(Path bare, Path scratch) {
    this.bare = bare;
    this.scratch = scratch;
  }

  /** A remote whose {@code main} holds a README and a few source files. */
  static BareRemote create(Path root) throws IOException, GitAPIException, URISyntaxException {
    Path bare = root.resolve("remote.git");
    Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
    Path scratch = root.resolve("person");
    try (Git git = Git.init().setDirectory(scratch.toFile()).setInitialBranch("main").call()) {
      git.remoteAdd().setName("origin").setUri(new URIish(bare.toUri().toString())).call();
    }
    BareRemote remote = new BareRemote(bare, scratch);
    remote.commit("main", Map.of(
        "README.md", "# demo\n",
        "src/app/Main.java", "class Main {}\n",
        "src/auth/Login.java", "class Login {}\n",
        "docs/guide.md", "guide\n"), "Initial commit");
    return remote;
  }

  String url() {
    return bare.toUri().toString();
  }

  Remote remote() {
    return Remote.anonymous(url());
  }

  Path path() {
    return bare;
  }

  /**
   * Commits on {@code branch} (created from main when missing) as {@link #PERSON} and pushes.
   * A file whose content is the empty string is deleted.
   */
  String commit(String branch, Map<String, String> files, String message) throws IOException, GitAPIException {
    try (Git git = Git.open(scratch.toFile())) {
      git.fetch().setRemote("origin").setRefSpecs(new RefSpec("+refs/heads/*:refs/remotes/origin/*")).call();
      Repository repo = git.getRepository();
      String start = repo.resolve("refs/remotes/origin/" + branch) != null ? "origin/" + branch
          : repo.resolve("refs/remotes/origin/main") != null ? "origin/main" : null;
      if (start != null) {
        git.checkout().setName(branch).setCreateBranch(repo.exactRef("refs/heads/" + branch) == null)
            .setForced(true).call();
        git.reset().setMode(ResetType.HARD).setRef(start).call();
      }
      // Deletions first, with the folders they empty, so a file may take the place of a folder.
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path target = scratch.resolve(file.getKey());
        if (file.getValue().isEmpty() && Files.deleteIfExists(target)) {
          for (Path folder = target.getParent(); !folder.equals(scratch) && isEmptyFolder(folder);
              folder = folder.getParent()) {
            Files.delete(folder);
          }
        }
      }
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path target = scratch.resolve(file.getKey());
        if (!file.getValue().isEmpty()) {
          Files.createDirectories(target.getParent());
          Files.writeString(target, file.getValue());
        }
      }
      git.add().addFilepattern(".").setAll(true).call();
      RevCommit commit = git.commit().setMessage(message).setAuthor(PERSON).setCommitter(PERSON)
          .setAllowEmpty(true).call();
      git.push().setRemote("origin").setRefSpecs(new RefSpec("HEAD:refs/heads/" + branch)).call();
      return commit.name();
    }
  }

  private static boolean isEmptyFolder(Path folder) throws IOException {
    try (java.util.stream.Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }

  /** Merges {@code from} into {@code into} with a merge commit, as GitHub's merge button does. */
  String merge(String from, String into) throws IOException, GitAPIException {
    try (Git git = Git.open(scratch.toFile())) {
      git.fetch().setRemote("origin").setRefSpecs(new RefSpec("+refs/heads/*:refs/heads/*")).call();
      git.checkout().setName(into).setForced(true).call();
      git.reset().setMode(ResetType.HARD).setRef("refs/heads/" + into).call();
      git.merge().include(git.getRepository().resolve("refs/heads/" + from))
          .setFastForward(org.eclipse.jgit.api.MergeCommand.FastForwardMode.NO_FF)
          .setMessage("Merge pull request from " + from).call();
      git.push().setRemote("origin").setRefSpecs(new RefSpec("HEAD:refs/heads/" + into)).call();
      return git.getRepository().resolve("HEAD").name();
    }
  }

  Optional<String> tip(String branch) throws IOException {
    try (Repository repo = open()) {
      return Optional.ofNullable(repo.exactRef(Constants.R_HEADS + branch)).map(Ref::getObjectId).map(ObjectId::name);
    }
  }

  /** The file's content on the branch, or empty when it has none. */
  Optional<String> read(String branch, String path) throws IOException {
    try (Repository repo = open(); RevWalk walk = new RevWalk(repo)) {
      RevCommit tip = walk.parseCommit(repo.resolve(Constants.R_HEADS + branch));
      try (TreeWalk tree = TreeWalk.forPath(repo, path, tip.getTree())) {
        if (tree == null) {
          return Optional.empty();
        }
        ObjectLoader loader = repo.open(tree.getObjectId(0));
        return Optional.of(new String(loader.getBytes(), StandardCharsets.UTF_8));
      }
    }
  }

  /** The branch's commits, newest first. */
  List<RevCommit> log(String branch) throws IOException {
    try (Repository repo = open(); RevWalk walk = new RevWalk(repo)) {
      walk.markStart(walk.parseCommit(repo.resolve(Constants.R_HEADS + branch)));
      List<RevCommit> commits = new ArrayList<>();
      walk.forEach(commits::add);
      return commits;
    }
  }

  boolean isAncestor(String ancestor, String descendant) throws IOException {
    try (Repository repo = open(); RevWalk walk = new RevWalk(repo)) {
      return walk.isMergedInto(walk.parseCommit(ObjectId.fromString(ancestor)),
          walk.parseCommit(ObjectId.fromString(descendant)));
    }
  }

  Repository open() throws IOException {
    return new FileRepositoryBuilder().setGitDir(bare.toFile()).build();
  }
}
