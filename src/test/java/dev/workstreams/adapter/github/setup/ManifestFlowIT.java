package dev.workstreams.adapter.github.setup;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.workstreams.adapter.github.auth.TestKeys;
import dev.workstreams.adapter.github.http.FakeClock;
import dev.workstreams.adapter.github.http.GitHubEndpoints;
import dev.workstreams.adapter.github.http.GitHubHttp;
import dev.workstreams.adapter.github.http.GitHubMetrics;
import dev.workstreams.adapter.github.http.PolitePipeline;
import dev.workstreams.adapter.github.http.PolitenessPolicy;
import dev.workstreams.adapter.github.http.RecordingSleeper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import dev.workstreams.adapter.github.http.TimedHttpConnector;

/** The manifest flow's exchange against WireMock as GitHub, storing into a temporary DATA_DIR. */
class ManifestFlowIT {

  @RegisterExtension
  static WireMockExtension github = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

  private static final TestKeys KEYS = TestKeys.generate();
  private static final String CODE = "a180b1a3d263c81bc6441d7b990bae27d4c10679";
  private static final String CONVERSION = "/app-manifests/" + CODE + "/conversions";

  @TempDir
  Path dataDir;

  private CredentialsFile credentials;
  private ManifestFlow flow;

  @BeforeEach
  void assemble() {
    FakeClock clock = new FakeClock(Instant.parse("2026-11-02T10:00:00Z"));
    GitHubEndpoints endpoints = GitHubEndpoints.of(github.baseUrl());
    PolitePipeline pipeline = new PolitePipeline(new TimedHttpConnector(Duration.ofSeconds(5), Duration.ofSeconds(5)), endpoints,
        PolitenessPolicy.withMutationInterval(Duration.ofSeconds(1)), clock, new RecordingSleeper(clock),
        new GitHubMetrics(new SimpleMeterRegistry()));
    credentials = new CredentialsFile(dataDir);
    flow = new ManifestFlow(AppManifest.fromClasspath(), endpoints, new GitHubHttp(pipeline),
        new SetupStates(clock, new SecureRandom()), credentials);
  }

  @Test
  void startsWithAFormForGitHubsAppCreationPage() throws IOException {
    ManifestForm form = flow.start("https://ws.example.com/", "/api/github/webhooks", Optional.empty());
    ManifestForm forOrganization = flow.start("https://ws.example.com", "/api/github/webhooks", Optional.of("octo-org"));

    assertEquals(URI.create(github.baseUrl() + "/settings/apps/new?state=" + form.state()), form.action());
    assertEquals(URI.create(github.baseUrl() + "/organizations/octo-org/settings/apps/new?state=" + forOrganization.state()),
        forOrganization.action());
    assertFalse(form.state().equals(forOrganization.state()));
    assertEquals("https://ws.example.com/api/github/webhooks",
        new ObjectMapper().readTree(form.manifestJson()).path("hook_attributes").path("url").asText());
    assertThrows(IllegalArgumentException.class,
        () -> flow.start("https://ws.example.com", "/api/github/webhooks", Optional.of("../evil")));
  }

  @Test
  void exchangesTheCodeWithoutCredentialsAndStoresTheAppOwnerOnly() throws Exception {
    stubConversion(201, conversionAnswer());
    ManifestForm form = flow.start("https://ws.example.com", "/api/github/webhooks", Optional.empty());

    AppRegistration registration = flow.complete(CODE, form.state());

    assertEquals(424242, registration.id());
    assertEquals("workstreams-octo", registration.slug());
    assertEquals(URI.create("https://github.com/apps/workstreams-octo/installations/new"), registration.installUrl());
    assertArrayEquals(KEYS.pair().getPrivate().getEncoded(), registration.credentials().privateKey().getEncoded());
    github.verify(postRequestedFor(urlEqualTo(CONVERSION)).withHeader("Authorization", absent()));
    assertEquals(Optional.of(registration), credentials.load());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials.path())));
    try (var files = Files.list(dataDir)) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void refusesAStateItNeverIssued() {
    SetupException e = assertThrows(SetupException.class, () -> flow.complete(CODE, "forged"));

    assertEquals(SetupException.Reason.INVALID_STATE, e.reason());
    github.verify(0, anyRequestedFor(anyUrl()));
    assertFalse(credentials.exists());
  }

  @Test
  void refusesAReplayedState() throws Exception {
    stubConversion(201, conversionAnswer());
    String state = flow.start("https://ws.example.com", "/api/github/webhooks", Optional.empty()).state();
    flow.complete(CODE, state);

    SetupException e = assertThrows(SetupException.class, () -> flow.complete(CODE, state));

    assertEquals(SetupException.Reason.INVALID_STATE, e.reason());
    github.verify(1, postRequestedFor(urlEqualTo(CONVERSION)));
  }

  @Test
  void aFailedExchangeStoresNothing() {
    stubConversion(404, "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest/apps/apps#create-a-github-app-from-a-manifest\"}");
    String state = flow.start("https://ws.example.com", "/api/github/webhooks", Optional.empty()).state();

    SetupException e = assertThrows(SetupException.class, () -> flow.complete(CODE, state));

    assertEquals(SetupException.Reason.EXCHANGE_FAILED, e.reason());
    assertEquals("GitHub did not create the App (HTTP 404: Not Found). Its codes work once, within an hour: "
        + "start again from the setup page.", e.getMessage());
    assertFalse(credentials.exists());
  }

  @Test
  void aRefusedManifestStoresNothing() {
    stubConversion(422, "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Integration\",\"code\":\"custom\",\"field\":\"name\",\"message\":\"Name is already in use\"}]}");
    String state = flow.start("https://ws.example.com", "/api/github/webhooks", Optional.empty()).state();

    SetupException e = assertThrows(SetupException.class, () -> flow.complete(CODE, state));

    assertEquals(SetupException.Reason.EXCHANGE_FAILED, e.reason());
    assertTrue(e.getMessage().contains("HTTP 422: Validation Failed"), e.getMessage());
    assertFalse(credentials.exists());
  }

  @Test
  void anAnswerWithoutTheKeyStoresNothing() {
    ObjectNode answer = conversionNode();
    answer.remove("pem");
    stubConversion(201, answer.toString());
    String state = flow.start("https://ws.example.com", "/api/github/webhooks", Optional.empty()).state();

    assertEquals(SetupException.Reason.EXCHANGE_FAILED,
        assertThrows(SetupException.class, () -> flow.complete(CODE, state)).reason());
    assertFalse(credentials.exists());
  }

  @Test
  void anAnswerWithANullWebhookSecretIsStoredWithoutOne() throws Exception {
    ObjectNode answer = conversionNode();
    answer.putNull("webhook_secret");
    stubConversion(201, answer.toString());
    String state = flow.start("https://ws.example.com", "/api/github/webhooks", Optional.empty()).state();

    AppRegistration registration = flow.complete(CODE, state);

    assertEquals(Optional.empty(), registration.webhookSecret());
    assertEquals(Optional.of(registration), credentials.load());
    assertTrue(AppRegistration.NO_WEBHOOK_SECRET.contains("set the same value as WEBHOOK_SECRET"));
  }

  @Test
  void anAnswerWithoutASlugFallsBackToTheName() throws Exception {
    ObjectNode answer = conversionNode();
    answer.remove("slug");
    answer.put("name", "workstreams-octo");
    stubConversion(201, answer.toString());
    String state = flow.start("https://ws.example.com", "/api/github/webhooks", Optional.empty()).state();

    AppRegistration registration = flow.complete(CODE, state);

    assertEquals("workstreams-octo", registration.slug());
    assertEquals(Optional.of("e340154128314309424b7c8e90325147d99fdafa"), registration.webhookSecret());
    assertEquals(URI.create("https://github.com/apps/workstreams-octo/installations/new"), registration.installUrl());
  }

  @Test
  void anAnswerWithAnUnreadableKeyStoresNothing() {
    ObjectNode answer = conversionNode();
    answer.put("pem", "-----BEGIN RSA PRIVATE KEY-----\nbm90IGEga2V5\n-----END RSA PRIVATE KEY-----\n");
    stubConversion(201, answer.toString());
    String state = flow.start("https://ws.example.com", "/api/github/webhooks", Optional.empty()).state();

    assertEquals(SetupException.Reason.EXCHANGE_FAILED,
        assertThrows(SetupException.class, () -> flow.complete(CODE, state)).reason());
    assertFalse(credentials.exists());
  }

  @Test
  void refusesASecondSetupWithoutAskingGitHub() throws Exception {
    stubConversion(201, conversionAnswer());
    flow.complete(CODE, flow.start("https://ws.example.com", "/api/github/webhooks", Optional.empty()).state());
    String second = flow.start("https://ws.example.com", "/api/github/webhooks", Optional.empty()).state();

    SetupException e = assertThrows(SetupException.class, () -> flow.complete(CODE, second));

    assertEquals(SetupException.Reason.ALREADY_REGISTERED, e.reason());
    github.verify(1, postRequestedFor(urlEqualTo(CONVERSION)));
  }

  private static void stubConversion(int status, String body) {
    github.stubFor(post(urlEqualTo(CONVERSION)).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body)));
  }

  private static String conversionAnswer() {
    return conversionNode().toString();
  }

  /** The shape of GitHub's documented answer to "Create a GitHub App from a manifest". */
  private static ObjectNode conversionNode() {
    ObjectNode node = new ObjectMapper().createObjectNode();
    node.put("id", 424242);
    node.put("slug", "workstreams-octo");
    node.put("node_id", "A_kwDOAAAAAAAGeyI");
    node.putObject("owner").put("login", "octo-org").put("type", "Organization");
    node.put("name", "workstreams-octo");
    node.put("description", "Turns one labelled plan issue into parallel workstreams.");
    node.put("external_url", "https://ws.example.com");
    node.put("html_url", "https://github.com/apps/workstreams-octo");
    node.put("created_at", "2026-11-02T10:00:05Z");
    node.put("updated_at", "2026-11-02T10:00:05Z");
    node.put("client_id", "Iv23liTestClientId");
    node.put("client_secret", "0123456789abcdef0123456789abcdef01234567");
    node.put("webhook_secret", "e340154128314309424b7c8e90325147d99fdafa");
    node.put("pem", KEYS.pkcs1Pem());
    node.putObject("permissions").put("contents", "write").put("metadata", "read");
    node.putArray("events").add("issues").add("issue_comment").add("pull_request").add("push");
    return node;
  }
}
