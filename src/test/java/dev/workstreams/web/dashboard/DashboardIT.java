package dev.workstreams.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.testing.Eventually;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardIT {

  @TempDir
  Path dataDir;
  DashboardRig rig;

  @BeforeEach
  void start() {
    rig = new DashboardRig(dataDir);
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void withoutASessionPagesRedirectToSignInAndTheApiAnswers401() throws Exception {
    HttpResponse<String> home = rig.get("/", "");
    assertEquals(302, home.statusCode());
    assertEquals("/login", home.headers().firstValue("Location").orElseThrow());
    assertEquals(302, rig.get("/plans/octo/hello/7", "").statusCode());
    assertEquals(302, rig.get("/runs/octo/hello/7/ui", "").statusCode());
    assertEquals(401, rig.get("/api/plans", "").statusCode());
    assertEquals(401, rig.get("/api/plans/octo/hello/7", "").statusCode());
    assertTrue(rig.get("/login", "").body().contains("Sign in with GitHub"));
    assertEquals(200, rig.get("/healthz", "").statusCode());
  }

  @Test
  void signsInThroughGitHubWithAStateAndAnHttpOnlyLaxCookie() throws Exception {
    HttpResponse<String> start = rig.get("/login/start", "");
    assertEquals(302, start.statusCode());
    String authorize = start.headers().firstValue("Location").orElseThrow();
    assertTrue(authorize.startsWith(rig.github.baseUrl() + "/login/oauth/authorize?client_id=" + DashboardRig.CLIENT_ID), authorize);
    String state = DashboardRig.queryValue(authorize, "state");
    String stateCookie = start.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(stateCookie.contains("HttpOnly") && stateCookie.contains("SameSite=Lax"), stateCookie);

    HttpResponse<String> back = rig.get("/login/callback?code=good-code&state=" + state, SignIn.STATE_COOKIE + "=" + state);
    assertEquals(302, back.statusCode(), back.body());
    String session = back.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ws_session=")).findFirst().orElseThrow();
    assertTrue(session.contains("HttpOnly") && session.contains("SameSite=Lax") && !session.contains("Secure"), session);
    assertFalse(session.contains(DashboardRig.USER_TOKEN));

    String cookie = session.substring(0, session.indexOf(';'));
    HttpResponse<String> plans = rig.get("/", cookie);
    assertEquals(200, plans.statusCode());
    assertTrue(plans.body().contains("octo/hello #7"), plans.body());
    assertTrue(plans.body().contains("Signed in as mona"));
    assertFalse(plans.body().contains(DashboardRig.USER_TOKEN));
  }

  @Test
  void refusesAReplayedAForgedAndAForeignState() throws Exception {
    String state = DashboardRig.queryValue(rig.get("/login/start", "").headers().firstValue("Location").orElseThrow(), "state");
    assertEquals(302, rig.get("/login/callback?code=good-code&state=" + state, SignIn.STATE_COOKIE + "=" + state).statusCode());

    HttpResponse<String> replayed = rig.get("/login/callback?code=good-code&state=" + state, SignIn.STATE_COOKIE + "=" + state);
    assertEquals(400, replayed.statusCode());
    assertTrue(replayed.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("ws_session=") && !c.startsWith("ws_session=;")));

    assertEquals(400, rig.get("/login/callback?code=good-code&state=forged", SignIn.STATE_COOKIE + "=forged").statusCode());

    String other = DashboardRig.queryValue(rig.get("/login/start", "").headers().firstValue("Location").orElseThrow(), "state");
    assertEquals(400, rig.get("/login/callback?code=good-code&state=" + other, "").statusCode(), "state without this browser's cookie");
    assertEquals(400, rig.get("/login/callback?code=bad-code&state=" + other, SignIn.STATE_COOKIE + "=" + other).statusCode(),
        "a code GitHub refuses");
  }

  @Test
  void aRepositoryThePersonCannotReachIsNotFoundForPlansRunsLogsAndActions() throws Exception {
    String cookie = rig.signIn();
    rig.runLog("other", "secret", 3, "ui", "20261205T100000Z.log", "secret work");

    assertEquals(404, rig.get("/plans/other/secret/3", cookie).statusCode());
    assertEquals(404, rig.get("/api/plans/other/secret/3", cookie).statusCode());
    assertEquals(404, rig.get("/runs/other/secret/3/ui", cookie).statusCode());
    assertEquals(404, rig.get("/runs/other/secret/3/ui/events", cookie).statusCode());
    assertEquals(404, rig.get("/api/runs/other/secret/3/ui", cookie).statusCode());
    assertEquals(404, rig.get("/plans/octo/hello/999", cookie).statusCode(), "a plan that does not exist looks the same");
    String csrf = DashboardRig.csrf(rig.get("/", cookie).body());
    assertEquals(404, rig.post("/plans/other/secret/3/tasks/ui/retry", cookie, "csrf=" + csrf, Map.of()).statusCode());
    assertTrue(rig.row(DashboardRig.SECRET, 3, "ui").requested().isEmpty());

    String list = rig.get("/api/plans", cookie).body();
    assertTrue(list.contains("\"octo/hello\""), list);
    assertFalse(list.contains("other/secret"), list);
  }

  @Test
  void showsThePlanWithItsGraphTableAnalysisAndTimeline() throws Exception {
    String cookie = rig.signIn();
    HttpResponse<String> page = rig.get("/plans/octo/hello/7", cookie);
    assertEquals(200, page.statusCode());
    String html = page.body();
    assertEquals(5, html.split("<g class=\"task ").length - 1, "one box per task");
    assertTrue(html.contains("data-task=\"ui\" data-state=\"running\""), html);
    assertTrue(html.contains("queued, 1 of 1 waiting for capacity"), html);
    assertTrue(html.contains("waits for ui, docs to be merged"), html);
    assertTrue(html.contains("Critical path: api → ui → e2e") || html.contains("Critical path: api → docs → e2e"), html);
    assertTrue(html.contains("plan accepted from the labelled issue"), html);

    String json = rig.get("/api/plans/octo/hello/7", cookie).body();
    assertTrue(json.contains("\"state\":\"running\""), json);
    assertTrue(json.contains("\"merged\":1,\"total\":5"), json);
    assertTrue(json.contains("\"task\":\"docs\""), json);
  }

  @Test
  void refusesActionsWithoutTheCsrfTokenOrWithoutWritePermissionAndChangesNothing() throws Exception {
    String cookie = rig.signIn();
    String csrf = DashboardRig.csrf(rig.get("/plans/octo/hello/7", cookie).body());

    assertEquals(403, rig.post("/plans/octo/hello/7/tasks/db/retry", cookie, "", Map.of()).statusCode());
    assertEquals(403, rig.post("/plans/octo/hello/7/tasks/db/retry", cookie, "csrf=wrong", Map.of()).statusCode());
    assertEquals(403, rig.post("/api/plans/octo/hello/7/tasks/db/retry", cookie, "", Map.of()).statusCode());
    rig.stubGitHub(false);
    assertEquals(403, rig.post("/plans/octo/hello/7/tasks/db/retry", cookie, "csrf=" + csrf, Map.of()).statusCode());
    assertEquals(403, rig.post("/api/plans/octo/hello/7/tasks/db/retry", cookie, "", Map.of("X-CSRF-Token", csrf)).statusCode());
    assertTrue(rig.row(DashboardRig.HELLO, 7, "db").requested().isEmpty());
    assertTrue(rig.advanced.isEmpty());
  }

  @Test
  void aWriterWithTheCsrfTokenRetriesAWorkstreamThroughTheJobQueue() throws Exception {
    String cookie = rig.signIn();
    String csrf = DashboardRig.csrf(rig.get("/plans/octo/hello/7", cookie).body());

    HttpResponse<String> done = rig.post("/plans/octo/hello/7/tasks/db/retry", cookie, "csrf=" + csrf, Map.of());
    assertEquals(303, done.statusCode(), done.body());
    Eventually.await("the retry recorded", Duration.ofSeconds(30),
        () -> rig.row(DashboardRig.HELLO, 7, "db").requested().equals(Optional.of("retry")));
    Eventually.await("the plan moved forward", Duration.ofSeconds(30), () -> rig.advanced.contains(7));

    HttpResponse<String> api = rig.post("/api/plans/octo/hello/7/tasks/ui/cancel", cookie, "", Map.of("X-CSRF-Token", csrf));
    assertEquals(202, api.statusCode(), api.body());
    Eventually.await("the cancel recorded", Duration.ofSeconds(30),
        () -> rig.row(DashboardRig.HELLO, 7, "ui").requested().equals(Optional.of("cancel")));
  }

  @Test
  void aWritersReviseGoesToFollowThroughAsARevisionNeverAsARetryOrCancel() throws Exception {
    String cookie = rig.signIn();
    String page = rig.get("/plans/octo/hello/7", cookie).body();
    assertTrue(page.contains("/plans/octo/hello/7/tasks/db/revise"), "a workstream with a pull request offers a revise");
    String csrf = DashboardRig.csrf(page);

    rig.stubInstallation();
    HttpResponse<String> api = rig.post("/api/plans/octo/hello/7/tasks/db/revise", cookie, "", Map.of("X-CSRF-Token", csrf));
    assertEquals(202, api.statusCode(), api.body());
    // Follow-through records the trigger and moves the plan forward (which starts the revision when it may).
    Eventually.await("the plan moved forward", Duration.ofSeconds(30), () -> rig.advanced.contains(7));
    assertTrue(rig.row(DashboardRig.HELLO, 7, "db").requested().isEmpty(), "a revise is not a retry or a cancel");
  }

  @Test
  void signingOutEndsTheSessionForEveryBrowserHoldingIt() throws Exception {
    String cookie = rig.signIn();
    String csrf = DashboardRig.csrf(rig.get("/", cookie).body());
    assertEquals(403, rig.post("/logout", cookie, "csrf=nope", Map.of()).statusCode());
    assertEquals(200, rig.get("/", cookie).statusCode());

    assertEquals(302, rig.post("/logout", cookie, "csrf=" + csrf, Map.of()).statusCode());
    assertEquals(302, rig.get("/", cookie).statusCode());
    assertEquals(401, rig.get("/api/plans", cookie).statusCode());
  }

  @Test
  void asksGitHubAgainAfterTenMinutesAndHidesWhatThePersonNoLongerReaches() throws Exception {
    String cookie = rig.signIn();
    assertEquals(200, rig.get("/plans/octo/hello/7", cookie).statusCode());
    rig.reach(Set.of("octo/elsewhere"));

    rig.clock.advance(Duration.ofMinutes(9));
    assertEquals(200, rig.get("/plans/octo/hello/7", cookie).statusCode(), "still within ten minutes: not asked again");
    rig.clock.advance(Duration.ofMinutes(2));
    assertEquals(404, rig.get("/plans/octo/hello/7", cookie).statusCode());
  }

  @Test
  void streamsARunsLogRedactedAndResumesAfterTheLastEventId() throws Exception {
    String cookie = rig.signIn();
    rig.runLog("octo", "hello", 7, "db", "20261205T100000Z.log",
        "== workstreams: agent script", "line one", "leaked " + rig.webhookSecret, "line three");

    HttpResponse<String> page = rig.get("/runs/octo/hello/7/db", cookie);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("20261205T100000Z.log"), page.body());

    HttpResponse<String> all = rig.get("/runs/octo/hello/7/db/events", cookie);
    assertEquals("text/event-stream; charset=utf-8", all.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(all.body().contains("id: 1\ndata: line one\n"), all.body());
    assertTrue(all.body().contains("id: 2\ndata: leaked ***\n"), all.body());
    assertFalse(all.body().contains(rig.webhookSecret));
    assertTrue(all.body().contains("event: end\ndata: ready for review"), all.body());

    HttpResponse<String> resumed = rig.get("/runs/octo/hello/7/db/events", Map.of("Cookie", cookie, "Last-Event-ID", "2"));
    List<String> ids = resumed.body().lines().filter(l -> l.startsWith("id: ")).toList();
    assertEquals(List.of("id: 3"), ids, resumed.body());

    String json = rig.get("/api/runs/octo/hello/7/db", cookie).body();
    assertTrue(json.contains("\"leaked ***\""), json);
    assertFalse(json.contains(rig.webhookSecret));
  }
}
