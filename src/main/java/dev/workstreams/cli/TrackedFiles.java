package dev.workstreams.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** The files a git work tree tracks (its index), as repository-relative paths. */
final class TrackedFiles {

  List<String> of(Path workTree) throws UnreadableInput {
    if (!Files.isDirectory(workTree)) {
      throw new UnreadableInput(workTree + ": no such directory");
    }
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(workTree.toFile()).setMustExist(true);
    if (builder.getGitDir() == null) {
      throw new UnreadableInput(workTree + " is not inside a git work tree");
    }
    try (Repository repository = builder.build()) {
      DirCache index = repository.readDirCache();
      List<String> paths = new ArrayList<>(index.getEntryCount());
      for (int i = 0; i < index.getEntryCount(); i++) {
        paths.add(index.getEntry(i).getPathString());
      }
      return paths;
    } catch (IOException e) {
      throw new UnreadableInput(workTree + ": cannot read its git index (" + e.getMessage() + ")");
    }
  }
}
