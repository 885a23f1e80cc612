package dev.workstreams.workflow.plans.support;

import dev.workstreams.core.config.ConfigFile;
import dev.workstreams.core.config.ConfigProblem;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.core.text.GitHubText;
import dev.workstreams.core.text.InertText;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.IssueComment;
import java.io.IOException;
import java.util.List;

/**
 * Short comments that explain why the App did nothing. Each kind has its own marker and is
 * edited in place, so a repeated event never adds a second one.
 */
public final class Notices {

  public void permissionRefused(GitHubGateway github, int issue, String login, String what) throws IOException {
    show(github, issue, Markers.PERMISSION, Markers.PERMISSION + "\n@" + login + ", only people with write, maintain or admin permission on "
        + github.repository() + " can " + what + ". Nothing was created or changed.\n");
  }

  public void invalidConfig(GitHubGateway github, int issue, List<ConfigProblem> problems) throws IOException {
    StringBuilder body = new StringBuilder(Markers.CONFIG).append("\nworkstreams cannot read `").append(ConfigFile.PATH)
        .append("` on the default branch, so nothing was created. Fix it and label the issue again:\n\n");
    problems.forEach(p -> body.append("- ").append(InertText.unmentioned(GitHubText.line(p.describe(), 1_000))).append('\n'));
    show(github, issue, Markers.CONFIG, GitHubText.comment(body.toString()));
  }

  void unknownAgentProfile(GitHubGateway github, int issue, String profile) throws IOException {
    show(github, issue, Markers.AGENT_PROFILE, Markers.AGENT_PROFILE + "\nThis plan asks for the agent profile " + InertText.code(profile) + ", which the operator of this "
        + "workstreams server has not defined, so no agent runs: the pull requests stay open for people. Name one of the "
        + "operator's profiles in `agent:` (plan or `.github/workstreams.yml`), or leave it out for the default.\n");
  }

  void agentsUnavailable(GitHubGateway github, int issue, String reason) throws IOException {
    show(github, issue, Markers.AGENT_SANDBOX, Markers.AGENT_SANDBOX + "\nNo agent runs for this plan: this workstreams server cannot sandbox agents ("
        + reason + "). The pull requests stay open for people; agents start once the operator fixes this.\n");
  }

  private static void show(GitHubGateway github, int issue, String marker, String body) throws IOException {
    List<IssueComment> existing = github.commentsWithMarker(issue, marker);
    if (existing.isEmpty()) {
      github.comment(issue, body);
    } else if (!existing.get(0).body().equals(body)) {
      github.editComment(existing.get(0).id(), body);
    }
  }
}
