package dev.workstreams.workflow.plans;

import dev.workstreams.core.config.RepoConfig;
import dev.workstreams.core.config.RepoConfigResult;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.GitHubGateways;
import dev.workstreams.port.Permission;
import dev.workstreams.port.RepoConfigs;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventHandler;
import dev.workstreams.workflow.events.IssuePayload;
import dev.workstreams.workflow.plans.support.Notices;
import dev.workstreams.workflow.plans.support.PlanIssue;
import dev.workstreams.workflow.plans.support.ReconcilePlan;
import java.util.Optional;

/**
 * {@code issues.labeled} with the trigger label, by someone with write access: the plan becomes
 * branches, pull requests, merge-order labels and a tracking comment.
 */
public final class OpenWorkstreamsWhenPlanLabelled implements EventHandler {

  private final GitHubGateways gateways;
  private final RepoConfigs configs;
  private final ReconcilePlan reconcile;
  private final Notices notices;

  public OpenWorkstreamsWhenPlanLabelled(GitHubGateways gateways, RepoConfigs configs, ReconcilePlan reconcile, Notices notices) {
    this.gateways = gateways;
    this.configs = configs;
    this.reconcile = reconcile;
    this.notices = notices;
  }

  @Override
  public void handle(EventContext context) throws Exception {
    Optional<IssuePayload> event = IssuePayload.from(context);
    if (event.isEmpty() || event.get().sender().isBot()) {
      return;
    }
    PlanIssue issue = PlanIssue.from(event.get());
    String label = event.get().label().orElse("");
    GitHubGateway github = gateways.forRepository(issue.repository());
    Optional<RepoConfig> config = config(github, issue, label);
    if (config.isEmpty() || !label.equals(config.get().triggerLabel())) {
      return;
    }
    String sender = event.get().sender().login();
    Permission permission = github.permission(sender);
    if (!permission.canWrite()) {
      notices.permissionRefused(github, issue.number(), sender, "start this plan");
      return;
    }
    reconcile.run(github, config.get(), issue, permission == Permission.ADMIN);
  }

  // An invalid config is reported only for the default trigger label: with a broken file the
  // App cannot know the configured one, and other labels are none of its business.
  private Optional<RepoConfig> config(GitHubGateway github, PlanIssue issue, String label) throws Exception {
    RepoConfigResult result = configs.load(issue.repository(), issue.defaultBranch());
    if (result instanceof RepoConfigResult.Valid valid) {
      return Optional.of(valid.config());
    }
    if (label.equals(RepoConfig.DEFAULTS.triggerLabel())) {
      notices.invalidConfig(github, issue.number(), ((RepoConfigResult.Invalid) result).problems());
    }
    return Optional.empty();
  }
}
