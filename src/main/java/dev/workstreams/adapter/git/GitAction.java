package dev.workstreams.adapter.git;

import java.io.IOException;
import org.eclipse.jgit.api.errors.GitAPIException;

/** A piece of JGit work, run under a repository's lock. */
@FunctionalInterface
interface GitAction<T> {
  T run() throws IOException, GitAPIException;
}
