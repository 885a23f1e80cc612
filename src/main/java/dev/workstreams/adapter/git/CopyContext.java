package dev.workstreams.adapter.git;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.util.FS;

/** What every operation on one working copy needs to know. */
record CopyContext(RepositoryName repo, TaskKey task, Path directory, Mirrors mirrors, FS fs) {

  Git open() throws IOException {
    return Git.open(directory.toFile(), fs);
  }

  String taskRef() {
    return Constants.R_HEADS + task.branch();
  }

  /** The task branch's commit; the agent may have deleted the branch, which no caller can go on with. */
  ObjectId taskTip(Repository repository) throws IOException {
    ObjectId tip = repository.resolve(taskRef());
    if (tip == null) {
      throw new IOException("the task branch " + task.branch() + " no longer exists in the " + describe());
    }
    return tip;
  }

  /** Context for an error message: which repository and task, never a URL or token. */
  String describe() {
    return "working copy of " + repo + " for task " + task;
  }
}
