package dev.workstreams.web.dashboard;

import dev.workstreams.adapter.agent.AgentTask;
import dev.workstreams.adapter.agent.Redactor;
import dev.workstreams.adapter.agent.RunLogs;
import dev.workstreams.adapter.dashboard.DashboardReads;
import dev.workstreams.adapter.dashboard.DashboardSession;
import dev.workstreams.adapter.dashboard.GitHubUsers;
import dev.workstreams.adapter.dashboard.OAuthClient;
import dev.workstreams.adapter.dashboard.ReachableRepository;
import dev.workstreams.adapter.dashboard.SessionStore;
import dev.workstreams.adapter.dashboard.TokenSeal;
import dev.workstreams.adapter.dashboard.Tokens;
import dev.workstreams.adapter.github.http.GitHubEndpoints;
import dev.workstreams.core.schedule.WorkstreamState;
import dev.workstreams.port.PlanStore;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.port.StoredWorkstream;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The dashboard of running mode: sign-in, the plans page, a plan's page, an agent run's page with its
 * live log, and the same data under {@code /api/}. Nothing is shown without a session; a repository
 * the person does not reach answers 404 for everything in it, so its plans are not even confirmed to
 * exist; actions also need the session's CSRF token and GitHub's word, asked at that moment, that the
 * person may write. Sign-in opens once the App's OAuth client and key are known ({@link #open}), which
 * a setup completed while the server runs can do.
 */
public final class Dashboard {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Dashboard.class);

  /** What the dashboard reads and whom it asks. */
  public record Parts(PlanStore plans, DashboardReads reads, SessionStore sessions, GitHubUsers users,
      GitHubEndpoints endpoints, RunLogs logs, Supplier<Redactor> redactor, DashboardRequests requests, Clock clock,
      Optional<String> publicUrl, Tokens tokens) {}

  private record Opened(OAuthClient client, TokenSeal seal) {}

  private final Parts parts;
  private final SignedIn signedIn;
  private final SignIn signIn;
  private final PlanViews views;
  private final Actions actions;
  private volatile Optional<Opened> opened = Optional.empty();
  /** Made once (it reads the key and the stored credentials) and again when the setup opens the dashboard. */
  private volatile Redactor redactor;

  public Dashboard(Parts parts) {
    this.parts = parts;
    boolean https = parts.publicUrl().map(u -> u.toLowerCase(java.util.Locale.ROOT).startsWith("https:")).orElse(false);
    this.signedIn = new SignedIn(parts.sessions(), parts.users(), parts.clock(), https);
    this.signIn = new SignIn(parts.sessions(), parts.users(), signedIn, parts.tokens(), parts.clock(), parts.publicUrl());
    this.views = new PlanViews(parts.plans(), parts.reads(), parts.logs());
    this.actions = new Actions(parts.plans(), parts.users(), signedIn, parts.requests());
  }

  /** Sign-in works from now on, with this OAuth client; the person's token is sealed with this key. */
  public void open(OAuthClient client, TokenSeal seal) {
    opened = Optional.of(new Opened(client, seal));
    redactor = null; // the setup may have stored new secrets to hide
  }

  private Redactor redactor() {
    Redactor made = redactor;
    if (made == null) {
      made = parts.redactor().get();
      redactor = made;
    }
    return made;
  }

  public boolean isOpen() {
    return opened.isPresent();
  }

  public void register(RoutesConfig routes) {
    routes.get("/login", ctx -> Pages.signInPage(ctx, isOpen()));
    routes.get("/login/start", ctx -> withClient(ctx, o -> signIn.start(ctx, o.client())));
    routes.get(SignIn.CALLBACK, ctx -> withClient(ctx, o -> signIn.callback(ctx, o.client(), o.seal())));
    routes.post("/logout", this::logout);
    routes.get("/plans/{owner}/{repo}/{issue}", ctx -> page(ctx, s -> planPage(ctx, s)));
    routes.post("/plans/{owner}/{repo}/{issue}/tasks/{task}/{verb}", ctx -> page(ctx, s -> actions.act(ctx, s, seal(), false)));
    routes.get("/runs/{owner}/{repo}/{issue}/{task}", ctx -> page(ctx, s -> runPage(ctx, s, false)));
    routes.get("/runs/{owner}/{repo}/{issue}/{task}/events", ctx -> page(ctx, s -> runEvents(ctx, s)));
    routes.get("/api/plans", ctx -> api(ctx, s -> ctx.contentType("application/json").result(DashboardJson.plans(parts.reads().plans(names(s))))));
    routes.get("/api/plans/{owner}/{repo}/{issue}", ctx -> api(ctx, s -> planJson(ctx, s)));
    routes.post("/api/plans/{owner}/{repo}/{issue}/tasks/{task}/{verb}", ctx -> api(ctx, s -> actions.act(ctx, s, seal(), true)));
    routes.get("/api/runs/{owner}/{repo}/{issue}/{task}", ctx -> api(ctx, s -> runPage(ctx, s, true)));
  }

  /** {@code GET /} in running mode: the plans page, or the way to sign in. */
  public void home(Context ctx) throws Exception {
    page(ctx, s -> Pages.html(ctx, Pages.page("Plans", Optional.of(s),
        PlanPages.plans(s, parts.reads().plans(names(s)), parts.clock().instant()))));
  }

  @FunctionalInterface
  interface SessionHandler {
    void handle(DashboardSession session) throws Exception;
  }

  @FunctionalInterface
  private interface OpenedHandler {
    void handle(Opened opened) throws Exception;
  }

  private void withClient(Context ctx, OpenedHandler handler) throws Exception {
    Optional<Opened> o = opened;
    if (o.isEmpty()) {
      Pages.signInPage(ctx, false);
      return;
    }
    handler.handle(o.get());
  }

  private TokenSeal seal() {
    return opened.orElseThrow().seal();
  }

  private Optional<DashboardSession> session(Context ctx) {
    return opened.flatMap(o -> signedIn.session(ctx, o.seal()));
  }

  private void page(Context ctx, SessionHandler handler) throws Exception {
    Optional<DashboardSession> session;
    try {
      session = session(ctx);
    } catch (SignedIn.ReachUnknown e) {
      Pages.refuse(ctx, 503, "GitHub unreachable", e.getMessage());
      return;
    }
    if (session.isEmpty()) {
      ctx.redirect("/login");
      return;
    }
    handler.handle(session.get());
  }

  private void api(Context ctx, SessionHandler handler) throws Exception {
    Optional<DashboardSession> session;
    try {
      session = session(ctx);
    } catch (SignedIn.ReachUnknown e) {
      ctx.status(503).contentType("application/json").result(DashboardJson.error(e.getMessage()));
      return;
    }
    if (session.isEmpty()) {
      ctx.status(401).contentType("application/json").result(DashboardJson.error("sign in first: GET /login"));
      return;
    }
    handler.handle(session.get());
  }

  private void logout(Context ctx) {
    Optional<DashboardSession> session = session(ctx);
    if (session.isPresent()) {
      if (!Tokens.same(session.get().csrfToken(), ctx.formParam("csrf"))) {
        Pages.refuse(ctx, 403, "Refused", "The form was not sent from this dashboard page (its CSRF token is missing or wrong).");
        return;
      }
      signedIn.end(ctx, session.get());
    }
    ctx.redirect("/login");
  }

  private static List<String> names(DashboardSession session) {
    return session.repositories().stream().map(ReachableRepository::fullName).distinct().toList();
  }

  /** The repository of the path, when the person reaches it; otherwise the request has been answered 404. */
  static Optional<RepositoryId> reached(Context ctx, DashboardSession session, boolean json) {
    Optional<ReachableRepository> reach = session.reach(ctx.pathParam("owner") + "/" + ctx.pathParam("repo"));
    if (reach.isEmpty()) {
      notFound(ctx, json);
      return Optional.empty();
    }
    return Optional.of(RepositoryId.of(reach.get().installationId(), reach.get().fullName()));
  }

  static void notFound(Context ctx, boolean json) {
    if (json) {
      ctx.status(404).contentType("application/json").result(DashboardJson.error("not found"));
    } else {
      Pages.refuse(ctx, 404, "Not found", "There is nothing here that you can see.");
    }
  }

  static int issue(Context ctx) {
    try {
      return Integer.parseInt(ctx.pathParam("issue"));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void planPage(Context ctx, DashboardSession session) {
    Optional<PlanView> view = reached(ctx, session, false).flatMap(r -> views.view(r, issue(ctx)));
    if (view.isEmpty()) {
      if (!ctx.res().isCommitted() && ctx.status().getCode() != 404) {
        notFound(ctx, false);
      }
      return;
    }
    String notice = Optional.ofNullable(ctx.queryParam("notice")).map(n -> n.length() > 200 ? n.substring(0, 200) : n).orElse("");
    Pages.html(ctx, Pages.page(view.get().repository() + " #" + view.get().issue(), Optional.of(session),
        PlanPages.plan(session, view.get(), n -> parts.endpoints().page("/" + view.get().repository() + "/pull/" + n), notice)));
  }

  private void planJson(Context ctx, DashboardSession session) {
    Optional<RepositoryId> repository = reached(ctx, session, true);
    if (repository.isEmpty()) {
      return;
    }
    Optional<PlanView> view = views.view(repository.get(), issue(ctx));
    if (view.isEmpty()) {
      notFound(ctx, true);
      return;
    }
    ctx.contentType("application/json").result(DashboardJson.plan(view.get()));
  }

  /** The run's task, when the person reaches the repository and the plan has that workstream. */
  private Optional<RunTarget> run(Context ctx, DashboardSession session, boolean json) {
    Optional<RepositoryId> repository = reached(ctx, session, json);
    if (repository.isEmpty()) {
      return Optional.empty();
    }
    int issue = issue(ctx);
    String taskId = ctx.pathParam("task");
    Optional<StoredWorkstream> row = parts.plans().workstreams(repository.get(), issue).stream()
        .filter(w -> w.taskId().equals(taskId)).findFirst();
    AgentTask task;
    try {
      task = new AgentTask(repository.get().owner(), repository.get().name(), issue, taskId);
    } catch (IllegalArgumentException notATask) {
      row = Optional.empty();
      task = null;
    }
    if (row.isEmpty()) {
      notFound(ctx, json);
      return Optional.empty();
    }
    List<String> runs = parts.logs().runs(task);
    String run = Optional.ofNullable(ctx.queryParam("run")).filter(runs::contains)
        .orElse(runs.isEmpty() ? "" : runs.get(runs.size() - 1));
    return Optional.of(new RunTarget(repository.get(), issue, task, row.get(), runs, run));
  }

  private record RunTarget(RepositoryId repository, int issue, AgentTask task, StoredWorkstream row, List<String> runs,
      String run) {
    boolean newest() {
      return !runs.isEmpty() && run.equals(runs.get(runs.size() - 1));
    }
  }

  private void runPage(Context ctx, DashboardSession session, boolean json) throws IOException {
    Optional<RunTarget> target = run(ctx, session, json);
    if (target.isEmpty()) {
      return;
    }
    RunTarget t = target.get();
    if (json) {
      List<String> lines = t.run().isEmpty() ? List.of()
          : new RunLogs.Follower(parts.logs().run(t.task(), t.run()).orElseThrow(), redactor(), 0).read();
      ctx.contentType("application/json").result(DashboardJson.run(t.runs(), t.run(), lines, t.row().state().text()));
      return;
    }
    Pages.html(ctx, Pages.page("Agent run " + t.task().taskId(), Optional.of(session), RunPages.page(t.repository().fullName(),
        t.issue(), t.task().taskId(), t.runs(), t.run(), t.row().state().text())));
  }

  private void runEvents(Context ctx, DashboardSession session) throws IOException {
    Optional<RunTarget> target = run(ctx, session, false);
    if (target.isEmpty()) {
      return;
    }
    RunTarget t = target.get();
    Optional<Path> file = parts.logs().run(t.task(), t.run());
    if (file.isEmpty()) {
      notFound(ctx, false);
      return;
    }
    try {
      RunPages.stream(ctx, file.get(), redactor(),
          () -> t.newest() && current(t).map(w -> w.state() == WorkstreamState.RUNNING).orElse(false),
          () -> current(t).map(w -> w.state().text() + (w.detail().isEmpty() ? "" : ": " + w.detail())).orElse("ended"));
    } catch (IOException browserGone) {
      // The page was closed or reloaded; a reconnect resumes from its Last-Event-ID.
      log.debug("log stream of {} ended: {}", t.task(), browserGone.toString());
    }
  }

  private Optional<StoredWorkstream> current(RunTarget t) {
    return parts.plans().workstreams(t.repository(), t.issue()).stream()
        .filter(w -> w.taskId().equals(t.task().taskId())).findFirst();
  }
}
