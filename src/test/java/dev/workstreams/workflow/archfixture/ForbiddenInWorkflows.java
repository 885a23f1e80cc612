package dev.workstreams.workflow.archfixture;

import java.sql.Connection;
import org.eclipse.jgit.api.Git;
import org.kohsuke.github.GitHub;

/**
 * What a workflow must not reach for (JDBC, JGit, kohsuke's client, Javalin): ArchitectureTest checks
 * that its rules name each of these. Never called.
 */
@SuppressWarnings("unused")
final class ForbiddenInWorkflows {

  private ForbiddenInWorkflows() {}

  static Object everything(Connection connection, Git git, GitHub github, io.javalin.http.Context context) {
    return new Object[] {connection, git, github, context};
  }
}
