package dev.workstreams.workflow.drafts;

import dev.workstreams.core.config.RepoConfig;
import dev.workstreams.core.config.RepoConfigResult;
import dev.workstreams.core.draft.DraftComment;
import dev.workstreams.core.draft.DraftRound;
import dev.workstreams.core.draft.PlannerPrompt;
import dev.workstreams.core.plan.PlanProblem;
import dev.workstreams.core.plan.PlanReport;
import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.core.simulate.PlanSimulation;
import dev.workstreams.port.BranchHead;
import dev.workstreams.port.GitHubGateway;
import dev.workstreams.port.GitHubGateways;
import dev.workstreams.port.IssueComment;
import dev.workstreams.port.Planner;
import dev.workstreams.port.RepoConfigs;
import dev.workstreams.port.RepositoryTree;
import dev.workstreams.workflow.plans.support.Notices;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drafts an issue's plan: the planner answers, the plan engine checks the answer against the base
 * branch's files, and the errors go back to the planner for at most {@value #EXTRA_ROUNDS} more
 * rounds. The result, or the remaining errors, is the issue's one draft comment. Nothing else is
 * created. A request answered already (its delivery id is in the draft comment) drafts nothing again.
 */
final class PlanDrafting {

  static final int EXTRA_ROUNDS = 2;
  private static final Logger LOG = LoggerFactory.getLogger(PlanDrafting.class);

  private final GitHubGateways gateways;
  private final RepoConfigs configs;
  private final Planner planner;
  private final Notices notices = new Notices();

  PlanDrafting(GitHubGateways gateways, RepoConfigs configs, Planner planner) {
    this.gateways = gateways;
    this.configs = configs;
    this.planner = planner;
  }

  /** The repository's config, when it can be read; an unreadable one is reported on the issue. */
  Optional<RepoConfig> config(GitHubGateway github, DraftRequest request) throws IOException {
    RepoConfigResult result = configs.load(request.issue().repository(), request.issue().defaultBranch());
    if (result instanceof RepoConfigResult.Valid valid) {
      return Optional.of(valid.config());
    }
    notices.invalidConfig(github, request.issue().number(), ((RepoConfigResult.Invalid) result).problems());
    return Optional.empty();
  }

  /** The repository's config, or empty when it cannot be read (nothing said). */
  Optional<RepoConfig> configQuietly(DraftRequest request) throws IOException {
    RepoConfigResult result = configs.load(request.issue().repository(), request.issue().defaultBranch());
    return result instanceof RepoConfigResult.Valid valid ? Optional.of(valid.config()) : Optional.empty();
  }

  void draft(DraftRequest request, RepoConfig config) throws IOException {
    GitHubGateway github = gateways.forRepository(request.issue().repository());
    int number = request.issue().number();
    List<IssueComment> drafts = github.commentsWithMarker(number, Markers.DRAFT);
    String trigger = Markers.draftTrigger(request.deliveryId());
    if (drafts.stream().anyMatch(c -> c.body().contains(trigger))) {
      return;
    }
    if (!github.permission(request.sender()).canWrite()) {
      notices.permissionRefused(github, number, request.sender(), "draft a plan");
      return;
    }
    Optional<String> unavailable = planner.unavailable();
    String body = unavailable.isPresent()
        ? DraftComment.unavailable(unavailable.get(), request.deliveryId())
        : drafted(github, request, config);
    if (drafts.isEmpty()) {
      github.comment(number, body);
    } else {
      github.editComment(drafts.get(drafts.size() - 1).id(), body);
    }
  }

  private String drafted(GitHubGateway github, DraftRequest request, RepoConfig config) throws IOException {
    String base = request.issue().defaultBranch();
    Optional<BranchHead> head = github.branch(base);
    RepositoryTree tree = head.isPresent() ? github.tree(head.get().treeSha()) : new RepositoryTree(List.of(), false);
    int rounds = 1 + EXTRA_ROUNDS;
    List<PlanProblem> errors = List.of();
    DraftRound last = null;
    for (int round = 1; round <= rounds; round++) {
      String prompt = PlannerPrompt.compose(request.issue().title(), request.issue().body(), tree.paths(),
          tree.truncated(), config.shared(), round, rounds, errors);
      Planner.Answer answer = planner.ask(request.issue().repository(), request.issue().number(), base, prompt, round);
      last = answer.succeeded()
          ? DraftRound.check(round, answer.output(), config.shared(), tree.paths())
          : DraftRound.failed(round, "the planner did not finish: " + answer.summary());
      LOG.info("draft of {}#{}, round {} of {}: {}", request.issue().repository(), request.issue().number(), round,
          rounds, last.valid() ? "valid plan" : last.errors().size() + " error(s)");
      if (last.valid()) {
        PlanReport report = last.report().orElseThrow();
        return DraftComment.drafted(last.block().orElseThrow(), report,
            PlanSimulation.of(report, config.reviewTime(), config.maxParallel()), round, planner.profile(), base,
            request.deliveryId());
      }
      errors = last.errors();
    }
    return DraftComment.failed(last, rounds, planner.profile(), request.deliveryId());
  }
}
