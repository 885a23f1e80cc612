package dev.workstreams.web.dashboard;

import dev.workstreams.adapter.dashboard.DashboardSession;
import dev.workstreams.adapter.dashboard.GitHubUsers;
import dev.workstreams.adapter.dashboard.TokenSeal;
import dev.workstreams.adapter.dashboard.Tokens;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.RepositoryId;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retry and cancel from the dashboard, in this order of checks: the person reaches the repository and
 * the task exists (else 404), the request carries the session's CSRF token (else 403), GitHub says
 * now that the person may push to the repository (else 403). Only then is the request handed to the
 * job queue; a refused one changes nothing.
 */
final class Actions {

  private static final Logger log = LoggerFactory.getLogger(Actions.class);
  static final Set<String> VERBS = Set.of("retry", "cancel", "revise");

  private final PlanStore plans;
  private final GitHubUsers users;
  private final SignedIn signedIn;
  private final DashboardRequests requests;

  Actions(PlanStore plans, GitHubUsers users, SignedIn signedIn, DashboardRequests requests) {
    this.plans = plans;
    this.users = users;
    this.signedIn = signedIn;
    this.requests = requests;
  }

  void act(Context ctx, DashboardSession session, TokenSeal seal, boolean json) throws IOException {
    Optional<RepositoryId> repository = Dashboard.reached(ctx, session, json);
    if (repository.isEmpty()) {
      return;
    }
    int issue = Dashboard.issue(ctx);
    String task = ctx.pathParam("task");
    String verb = ctx.pathParam("verb");
    boolean known = plans.workstreams(repository.get(), issue).stream().anyMatch(w -> w.taskId().equals(task));
    if (!known || !VERBS.contains(verb)) {
      Dashboard.notFound(ctx, json);
      return;
    }
    String csrf = json ? ctx.header("X-CSRF-Token") : ctx.formParam("csrf");
    if (!Tokens.same(session.csrfToken(), csrf)) {
      refuse(ctx, json, "the request did not come from a dashboard page: its CSRF token is missing or wrong");
      return;
    }
    if (!users.canWrite(signedIn.token(session, seal), repository.get().fullName())) {
      refuse(ctx, json, "only people with write, maintain or admin permission on " + repository.get().fullName()
          + " can " + verb + " workstreams");
      return;
    }
    requests.request(repository.get(), issue, task, verb, session.login());
    log.info("dashboard: {} asked to {} {}#{}/{}", session.login(), verb, repository.get(), issue, task);
    String notice = "Recorded: " + verb + " " + task + ". The App carries it out next.";
    if (json) {
      ctx.status(202).contentType("application/json").result(DashboardJson.recorded(notice));
    } else {
      ctx.redirect("/plans/" + repository.get().fullName() + "/" + issue + "?notice="
          + URLEncoder.encode(notice, StandardCharsets.UTF_8), io.javalin.http.HttpStatus.SEE_OTHER);
    }
  }

  private static void refuse(Context ctx, boolean json, String why) {
    if (json) {
      ctx.status(403).contentType("application/json").result(DashboardJson.error(why));
    } else {
      Pages.refuse(ctx, 403, "Refused", why);
    }
  }
}
