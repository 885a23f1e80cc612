package dev.workstreams.web.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.workstreams.AppAssembly;
import dev.workstreams.adapter.dashboard.OAuthClient;
import dev.workstreams.adapter.github.GitHubClients;
import dev.workstreams.adapter.github.auth.AppCredentials;
import dev.workstreams.adapter.github.auth.TestKeys;
import dev.workstreams.adapter.github.http.GitHubEndpoints;
import dev.workstreams.adapter.github.http.GitHubMetrics;
import dev.workstreams.adapter.github.http.PolitePipeline;
import dev.workstreams.adapter.github.http.PolitenessPolicy;
import dev.workstreams.adapter.store.Database;
import dev.workstreams.adapter.store.JdbcPlanStore;
import dev.workstreams.config.DatabaseTarget;
import dev.workstreams.config.Secret;
import dev.workstreams.config.ServerConfig;
import dev.workstreams.core.config.Enforcement;
import dev.workstreams.core.reconcile.ObservedPullRequest;
import dev.workstreams.core.schedule.WorkstreamState;
import dev.workstreams.port.PlanState;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.port.StoredPlan;
import dev.workstreams.port.StoredWorkstream;
import dev.workstreams.testing.TestServers;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The App as production assembles it, with its dashboard, against GitHub's OAuth and user endpoints
 * faked by WireMock. Plans are written straight into its database: {@code octo/hello#7} (five
 * workstreams in five states; the person reaches it) and {@code other/secret#3} (they do not).
 */
final class DashboardRig implements AutoCloseable {

  static final String CLIENT_ID = "Iv1.dashboardtest";
  static final String USER_TOKEN = "ghu_dashboardUserToken0123456789";
  static final RepositoryId HELLO = RepositoryId.of(1, "octo/hello");
  static final RepositoryId SECRET = RepositoryId.of(2, "other/secret");
  static final String PLAN = """
      A plan with five workstreams.
      ```plan
      tasks:
        - id: api
          title: The API
          owns: [src/api/**]
        - id: db
          title: The database
          owns: [src/db/**]
        - id: ui
          title: The UI
          owns: [src/ui/**]
          depends_on: [api]
        - id: docs
          title: The docs
          owns: [docs/**]
          depends_on: [api, db]
        - id: e2e
          title: End-to-end tests
          owns: [test/e2e/**]
          depends_on: [ui, docs]
      ```
      """;

  final WireMockServer github;
  final AppAssembly app;
  final JdbcPlanStore plans;
  final Database database;
  final Path dataDir;
  final String webhookSecret;
  final MutableClock clock;
  final List<Integer> advanced = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  DashboardRig(Path dataDir) {
    this.dataDir = dataDir;
    github = new WireMockServer(wireMockConfig().dynamicPort());
    github.start();
    stubGitHub(true);
    webhookSecret = TestServers.newSecret();
    Map<String, String> env = TestServers.environment(dataDir, webhookSecret);
    env.put("GITHUB_API_URL", github.baseUrl());
    ServerConfig config = ServerConfig.fromEnvironment(env);
    clock = new MutableClock(Instant.now());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    GitHubEndpoints endpoints = GitHubEndpoints.of(github.baseUrl());
    PolitePipeline pipeline = PolitePipeline.overHttpClient(endpoints, PolitenessPolicy.withMutationInterval(Duration.ZERO),
        Clock.systemUTC(), new GitHubMetrics(registry));
    app = AppAssembly.start(AppAssembly.Options.of(config, clock, registry,
            credentials -> GitHubClients.forApp(credentials, endpoints, pipeline, Clock.systemUTC()),
            Optional.of(AppCredentials.of(1, TestKeys.generate().pkcs1Pem())))
        .withProgressWithoutAgents((gateway, plan) -> advanced.add(plan.issue()))
        .withOAuthClient(Optional.of(new OAuthClient(CLIENT_ID, Secret.of("client-secret-for-tests")))));
    database = Database.open(DatabaseTarget.embedded(dataDir), 2);
    plans = new JdbcPlanStore(database.dataSource());
    seed();
  }

  int port() {
    return app.server().port();
  }

  String base() {
    return "http://localhost:" + port();
  }

  /** GitHub's side of the sign-in: authorize sends the browser back with a code; the person reaches octo/hello. */
  void stubGitHub(boolean canWrite) {
    github.stubFor(WireMock.get(urlPathEqualTo("/login/oauth/authorize")).willReturn(aResponse().withStatus(302)
        .withHeader("Location", "{{request.query.redirect_uri}}?code=good-code&state={{request.query.state}}")
        .withTransformers("response-template")));
    github.stubFor(WireMock.post(urlEqualTo("/login/oauth/access_token")).willReturn(okJson(
        "{\"access_token\":\"" + USER_TOKEN + "\",\"token_type\":\"bearer\",\"scope\":\"\"}")));
    github.stubFor(WireMock.post(urlEqualTo("/login/oauth/access_token")).withRequestBody(containing("\"bad-code\""))
        .willReturn(okJson("{\"error\":\"bad_verification_code\"}")));
    github.stubFor(WireMock.get(urlEqualTo("/user")).willReturn(okJson("{\"id\":4242,\"login\":\"mona\"}")));
    github.stubFor(WireMock.get(urlEqualTo("/user/installations?per_page=100"))
        .willReturn(okJson("{\"total_count\":1,\"installations\":[{\"id\":1,\"account\":{\"login\":\"octo\"}}]}")));
    reach(Set.of("octo/hello"));
    github.stubFor(WireMock.get(urlEqualTo("/repos/octo/hello")).willReturn(okJson(
        "{\"full_name\":\"octo/hello\",\"permissions\":{\"admin\":false,\"maintain\":false,\"push\":" + canWrite
            + ",\"triage\":true,\"pull\":true}}")));
  }

  /** The App's own access to the repository (follow-through reads its config): a token, and no config file. */
  void stubInstallation() {
    github.stubFor(WireMock.post(urlEqualTo("/app/installations/1/access_tokens")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"token\":\"ghs_dashboard_rig\",\"expires_at\":\"" + clock.instant().plus(Duration.ofHours(1)) + "\"}")));
    github.stubFor(WireMock.get(urlPathEqualTo("/repos/octo/hello/contents/.github/workstreams.yml"))
        .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
            .withBody("{\"message\":\"Not Found\"}")));
  }

  void reach(Set<String> repositories) {
    StringBuilder list = new StringBuilder();
    repositories.forEach(r -> list.append(list.isEmpty() ? "" : ",").append("{\"full_name\":\"").append(r).append("\"}"));
    github.stubFor(WireMock.get(urlEqualTo("/user/installations/1/repositories?per_page=100"))
        .willReturn(okJson("{\"total_count\":" + repositories.size() + ",\"repositories\":[" + list + "]}")));
  }

  private void seed() {
    Instant labelled = clock.instant().minus(Duration.ofHours(3));
    for (RepositoryId repository : List.of(HELLO, SECRET)) {
      int issue = repository.equals(HELLO) ? 7 : 3;
      plans.savePlan(new StoredPlan(repository, issue, PlanState.ACTIVE, PLAN, "main", 2, Optional.of("script"), List.of(),
          Enforcement.COMMENT, labelled, Optional.empty(), Optional.empty(), ""));
      save(repository, issue, "api", WorkstreamState.MERGED, 11, Duration.ofMinutes(12));
      save(repository, issue, "db", WorkstreamState.PUSHED, 12, Duration.ofMinutes(7));
      save(repository, issue, "ui", WorkstreamState.RUNNING, 13, Duration.ofMinutes(2));
      save(repository, issue, "docs", WorkstreamState.QUEUED, 14, Duration.ZERO);
      save(repository, issue, "e2e", WorkstreamState.WAITING, 15, Duration.ZERO);
    }
  }

  private void save(RepositoryId repository, int issue, String task, WorkstreamState state, int pr, Duration agent) {
    StoredWorkstream row = StoredWorkstream.pending(task, "workstreams/" + issue + "-" + task)
        .withPullRequest(new ObservedPullRequest(pr, state == WorkstreamState.MERGED ? ObservedPullRequest.State.MERGED
            : ObservedPullRequest.State.OPEN, task, "", Set.of(), true))
        .withState(state, "")
        .withAgentRun(agent.isZero() ? 0 : 1, agent.isZero() ? Optional.empty() : Optional.of(clock.instant().minus(agent)),
            Optional.empty(), agent);
    plans.saveWorkstream(repository, issue, row);
  }

  StoredWorkstream row(RepositoryId repository, int issue, String task) {
    return plans.workstreams(repository, issue).stream().filter(w -> w.taskId().equals(task)).findFirst().orElseThrow();
  }

  /** A run log as the agent runner lays it out, with these lines. */
  Path runLog(String owner, String repo, int issue, String task, String name, String... lines) throws IOException {
    Path dir = dataDir.resolve("logs").resolve(owner).resolve(repo).resolve(issue + "-" + task);
    Files.createDirectories(dir);
    Path file = dir.resolve(name);
    append(file, lines);
    return file;
  }

  static void append(Path file, String... lines) throws IOException {
    Files.writeString(file, lines.length == 0 ? "" : String.join("\n", lines) + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
    if (!cookie.isEmpty()) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String cookie, String form, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
    if (!cookie.isEmpty()) {
      request.header("Cookie", cookie);
    }
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Signs in through the faked OAuth flow; returns the session cookie as a {@code Cookie} header value. */
  String signIn() throws IOException, InterruptedException {
    HttpResponse<String> start = get("/login/start", "");
    String state = queryValue(start.headers().firstValue("Location").orElseThrow(), "state");
    HttpResponse<String> callback = get("/login/callback?code=good-code&state=" + state, SignIn.STATE_COOKIE + "=" + state);
    String setCookie = callback.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(SignedIn.COOKIE + "="))
        .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + callback.statusCode() + " " + callback.body()));
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  static String queryValue(String url, String name) {
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      if (pair.startsWith(name + "=")) {
        return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no " + name + " in " + url);
  }

  /** The CSRF token the pages carry in their forms. */
  static String csrf(String html) {
    int at = html.indexOf("name=\"csrf\" value=\"");
    if (at < 0) {
      throw new AssertionError("no CSRF field in the page");
    }
    int from = at + "name=\"csrf\" value=\"".length();
    return html.substring(from, html.indexOf('"', from));
  }

  @Override
  public void close() {
    app.close();
    database.close();
    github.stop();
  }

  /** The App's clock, moved by tests (the ten-minute recheck) instead of waiting. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
