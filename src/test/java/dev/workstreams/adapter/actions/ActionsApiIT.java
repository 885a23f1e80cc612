package dev.workstreams.adapter.actions;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.workstreams.adapter.github.GitHubTestRig;
import dev.workstreams.adapter.github.auth.TestKeys;
import dev.workstreams.adapter.github.http.FakeClock;
import dev.workstreams.adapter.github.gateway.RedirectedDownloads;
import dev.workstreams.adapter.github.http.RecordingSleeper;
import dev.workstreams.core.actions.AttemptKey;
import dev.workstreams.port.RepositoryId;
import dev.workstreams.port.WorkflowRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The Actions routes against WireMock: dispatch and its fallback, runs, cancel, bounded downloads without the token. */
class ActionsApiIT {

  @RegisterExtension
  static WireMockExtension github = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

  static final TestKeys KEYS = TestKeys.generate();
  static final RepositoryId REPO = new RepositoryId(7, "octo", "hello");
  static final String DISPATCHES = "/repos/octo/hello/actions/workflows/workstreams-agent.yml/dispatches";
  final FakeClock clock = new FakeClock(GitHubTestRig.START);
  ActionsApi api;
  @TempDir Path tmp;

  @BeforeEach
  void assemble() {
    GitHubTestRig rig = GitHubTestRig.withFakeTime(github, KEYS, new RecordingSleeper(clock), clock);
    GitHubTestRig.stubToken(github, 7, "ghs_actions", clock.instant());
    api = new ActionsApi(rig.clients);
  }

  @Test
  void dispatchesWithTheInputsAndReadsTheRunIdFromTheAnswer() throws Exception {
    github.stubFor(post(DISPATCHES).withRequestBody(equalToJson(
            "{\"ref\":\"main\",\"inputs\":{\"attempt_key\":\"12-auth-a1\"},\"return_run_details\":true}"))
        .willReturn(okJson("{\"workflow_run_id\":9001,\"run_url\":\"x\",\"html_url\":\"y\"}")));

    assertEquals(new ActionsApi.Dispatch.Dispatched(Optional.of(9001L)),
        api.dispatch(REPO, "workstreams-agent.yml", "main", Map.of("attempt_key", "12-auth-a1")));
    github.verify(1, postRequestedFor(urlEqualTo(DISPATCHES)));
  }

  @Test
  void aServerThatRefusesRunDetailsIsAskedOnceMoreWithoutThem() throws Exception {
    github.stubFor(post(DISPATCHES).withRequestBody(equalToJson("{\"ref\":\"main\",\"inputs\":{},\"return_run_details\":true}"))
        .willReturn(aResponse().withStatus(422).withBody("{\"message\":\"Unexpected inputs provided: [\\\"return_run_details\\\"]\"}")));
    github.stubFor(post(DISPATCHES).withRequestBody(equalToJson("{\"ref\":\"main\",\"inputs\":{}}"))
        .willReturn(aResponse().withStatus(204)));
    github.stubFor(get(urlPathEqualTo("/repos/octo/hello/actions/workflows/workstreams-agent.yml/runs"))
        .withQueryParam("event", equalTo("workflow_dispatch"))
        .willReturn(okJson("{\"workflow_runs\":[{\"id\":5,\"display_title\":\"workstreams 12-auth-a2\",\"status\":\"queued\"},"
            + "{\"id\":4,\"display_title\":\"workstreams 12-auth-a1\",\"status\":\"completed\",\"conclusion\":\"failure\"}]}")));

    assertEquals(new ActionsApi.Dispatch.Dispatched(Optional.empty()),
        api.dispatch(REPO, "workstreams-agent.yml", "main", Map.of()));
    github.verify(2, postRequestedFor(urlEqualTo(DISPATCHES)));

    WorkflowRun found = api.findRun(REPO, "workstreams-agent.yml", new AttemptKey(12, "auth", 1)).orElseThrow();
    assertEquals(4, found.id());
    assertEquals(Optional.of("failure"), found.conclusion());
    assertTrue(api.findRun(REPO, "workstreams-agent.yml", new AttemptKey(12, "auth", 3)).isEmpty());
  }

  @Test
  void aMissingWorkflowIsRefusedWithItsNameAndNotRetried() throws Exception {
    github.stubFor(post(DISPATCHES).willReturn(aResponse().withStatus(404).withBody("{\"message\":\"Not Found\"}")));

    ActionsApi.Dispatch.Refused refused = assertInstanceOf(ActionsApi.Dispatch.Refused.class,
        api.dispatch(REPO, "workstreams-agent.yml", "main", Map.of()));

    assertTrue(refused.reason().startsWith("the workflow .github/workflows/workstreams-agent.yml was not found on `main`"));
    github.verify(1, postRequestedFor(urlEqualTo(DISPATCHES)));
  }

  @Test
  void a403IsAskedOnceMoreWithANewTokenAndThenMeansTheInstallationLacksThePermission() throws Exception {
    github.stubFor(post(DISPATCHES).willReturn(aResponse().withStatus(403)
        .withBody("{\"message\":\"Resource not accessible by integration\"}")));

    ActionsApi.Dispatch.Unpermitted unpermitted = assertInstanceOf(ActionsApi.Dispatch.Unpermitted.class,
        api.dispatch(REPO, "workstreams-agent.yml", "main", Map.of()));

    assertEquals("Resource not accessible by integration", unpermitted.message());
    github.verify(2, postRequestedFor(urlEqualTo(DISPATCHES)));
    github.verify(2, postRequestedFor(urlEqualTo("/app/installations/7/access_tokens")));
  }

  @Test
  void aTokenMadeBeforeTheOwnerAcceptedThePermissionIsReplacedAndTheDispatchGoesThrough() throws Exception {
    github.stubFor(post(urlEqualTo("/app/installations/7/access_tokens")).inScenario("acceptance")
        .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED).willSetStateTo("renewed")
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody("{\"token\":\"ghs_before\",\"expires_at\":\"" + clock.instant().plusSeconds(3600) + "\"}")));
    github.stubFor(post(urlEqualTo("/app/installations/7/access_tokens")).inScenario("acceptance")
        .whenScenarioStateIs("renewed")
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody("{\"token\":\"ghs_after\",\"expires_at\":\"" + clock.instant().plusSeconds(3600) + "\"}")));
    github.stubFor(post(DISPATCHES).withHeader("Authorization", equalTo("token ghs_before"))
        .willReturn(aResponse().withStatus(403).withBody("{\"message\":\"Resource not accessible by integration\"}")));
    github.stubFor(post(DISPATCHES).withHeader("Authorization", equalTo("token ghs_after"))
        .willReturn(okJson("{\"workflow_run_id\":9002}")));

    assertEquals(new ActionsApi.Dispatch.Dispatched(Optional.of(9002L)),
        api.dispatch(REPO, "workstreams-agent.yml", "main", Map.of()));
    github.verify(2, postRequestedFor(urlEqualTo(DISPATCHES)));
  }

  @Test
  void cancelsARunAndToleratesOneThatFinished() throws Exception {
    github.stubFor(post("/repos/octo/hello/actions/runs/9/cancel").willReturn(aResponse().withStatus(202).withBody("{}")));
    github.stubFor(post("/repos/octo/hello/actions/runs/10/cancel").willReturn(aResponse().withStatus(409)
        .withBody("{\"message\":\"Cannot cancel a workflow run that is completed.\"}")));

    assertTrue(api.cancel(REPO, 9));
    assertFalse(api.cancel(REPO, 10));
  }

  @Test
  void downloadsAnArtifactThroughTheRedirectWithoutTheToken() throws Exception {
    github.stubFor(get("/repos/octo/hello/actions/runs/9/artifacts?per_page=100").willReturn(okJson(
        "{\"total_count\":1,\"artifacts\":[{\"id\":77,\"name\":\"workstreams-12-auth-a1\",\"size_in_bytes\":5,\"expired\":false}]}")));
    github.stubFor(get("/repos/octo/hello/actions/artifacts/77/zip")
        .withHeader("Authorization", equalTo("token ghs_actions"))
        .willReturn(aResponse().withStatus(302).withHeader("Location", github.baseUrl() + "/storage/77.zip?sig=abc")));
    github.stubFor(get("/storage/77.zip?sig=abc").willReturn(aResponse().withStatus(200).withBody(new byte[] {1, 2, 3, 4, 5})));

    assertEquals(List.of(new ActionsApi.Artifact(77, "workstreams-12-auth-a1", 5, false)), api.artifacts(REPO, 9));
    Path zip = tmp.resolve("a.zip");
    api.downloadArtifact(REPO, 77, 5, zip);

    assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, Files.readAllBytes(zip));
    github.verify(getRequestedFor(urlEqualTo("/storage/77.zip?sig=abc")).withHeader("Authorization", absent()));
    assertThrows(RedirectedDownloads.TooLarge.class, () -> api.downloadArtifact(REPO, 77, 4, tmp.resolve("b.zip")));
    assertFalse(Files.exists(tmp.resolve("b.zip")), "the partial file is deleted");
  }

  @Test
  void readsTheTailOfTheFailedJobsLog() throws Exception {
    github.stubFor(get("/repos/octo/hello/actions/runs/9/jobs?per_page=100").willReturn(okJson(
        "{\"jobs\":[{\"id\":1,\"conclusion\":\"success\"},{\"id\":2,\"conclusion\":\"failure\"}]}")));
    github.stubFor(get("/repos/octo/hello/actions/jobs/2/logs")
        .willReturn(aResponse().withStatus(302).withHeader("Location", github.baseUrl() + "/logs/2.txt")));
    github.stubFor(get("/logs/2.txt").willReturn(aResponse().withStatus(200).withBody("a\nb\nc\nd\n")));

    assertEquals(List.of("c", "d"), api.failedJobLogTail(REPO, 9, 2, 1024));
  }

  @Test
  void readsALongLogOnlyUpToItsBoundAndSaysSo() throws Exception {
    github.stubFor(get("/repos/octo/hello/actions/runs/10/jobs?per_page=100").willReturn(okJson(
        "{\"jobs\":[{\"id\":3,\"conclusion\":\"failure\"}]}")));
    github.stubFor(get("/repos/octo/hello/actions/jobs/3/logs")
        .willReturn(aResponse().withStatus(302).withHeader("Location", github.baseUrl() + "/logs/3.txt")));
    github.stubFor(get("/logs/3.txt").willReturn(aResponse().withStatus(200).withBody("1\n2\n3\n4\n5\n6\n")));

    assertEquals(List.of("3", "(the log goes on past 6 bytes; these are the last lines read)"),
        api.failedJobLogTail(REPO, 10, 2, 6));
  }
}
