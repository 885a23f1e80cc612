package dev.workstreams.workflow.plans.support;

import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.StoredPlan;
import java.io.IOException;

/**
 * What moves a plan forward after its workstreams changed (opened, merged, closed, an agent done,
 * a command): the agent scheduler starts what may start and refreshes the tracking comment.
 */
@FunctionalInterface
public interface PlanProgress {

  /** For plans without agents: nothing starts by itself. */
  PlanProgress NONE = (github, plan) -> { };

  void advance(GitHubGateway github, StoredPlan plan) throws IOException;
}
