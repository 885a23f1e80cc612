package dev.workstreams.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.workstreams.WorkstreamsServer;
import dev.workstreams.adapter.github.auth.TestKeys;
import dev.workstreams.adapter.github.setup.AppRegistration;
import dev.workstreams.adapter.github.setup.CredentialsFile;
import dev.workstreams.config.ServerConfig;
import dev.workstreams.testing.Fixtures;
import dev.workstreams.testing.TestServers;
import dev.workstreams.testing.WebhookClient;
import dev.workstreams.workflow.EventRouter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Setup mode end to end over HTTP: the page, GitHub's redirect back (the conversion on WireMock as
 * GitHub), and the switch to running mode without a restart.
 */
class SetupFlowIT {

  @RegisterExtension
  static WireMockExtension github = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

  private static final TestKeys KEYS = TestKeys.generate();
  private static final String CODE = "a180b1a3d263c81bc6441d7b990bae27d4c10679";
  private static final String CONVERSION = "/app-manifests/" + CODE + "/conversions";
  private static final String NEW_SECRET = "e340154128314309424b7c8e90325147d99fdafa";
  private static final Pattern ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]*)\"");
  private static final Pattern MANIFEST = Pattern.compile("name=\"manifest\" value=\"([^\"]*)\"");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  Path dataDir;

  @Test
  void thePageOffersTheManifestWithTheServersAddress() throws Exception {
    try (WorkstreamsServer server = start(setupEnvironment())) {
      HttpResponse<String> page = get(server, "/", Map.of());
      HttpResponse<String> forOrganization = get(server, "/?org=acme", Map.of());
      HttpResponse<String> behindProxy = get(server, "/", Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "ws.example.com"));

      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("setup mode"), page.body());
      String action = match(ACTION, page.body());
      assertTrue(action.startsWith(github.baseUrl() + "/settings/apps/new?state="), action);
      assertTrue(action.length() > (github.baseUrl() + "/settings/apps/new?state=").length() + 40, "a random state");
      JsonNode manifest = manifest(page.body());
      assertEquals("http://127.0.0.1:" + server.port() + "/api/github/webhooks", manifest.path("hook_attributes").path("url").asText());
      assertTrue(match(ACTION, forOrganization.body()).startsWith(github.baseUrl() + "/organizations/acme/settings/apps/new?state="));
      assertEquals("https://ws.example.com/api/github/webhooks", manifest(behindProxy.body()).path("hook_attributes").path("url").asText());
      assertEquals(400, get(server, "/?org=not%20an%20org", Map.of()).statusCode());
      assertEquals(400, get(server, "/?org=" + "a".repeat(40), Map.of()).statusCode());
    }
  }

  @Test
  void publicUrlWinsOverTheRequestsAddress() throws Exception {
    Map<String, String> env = setupEnvironment();
    env.put("PUBLIC_URL", "https://workstreams.example.org");
    try (WorkstreamsServer server = start(env)) {
      JsonNode manifest = manifest(get(server, "/", Map.of()).body());

      assertEquals("https://workstreams.example.org/api/github/webhooks", manifest.path("hook_attributes").path("url").asText());
      assertTrue(manifest.path("redirect_url").asText().startsWith("https://workstreams.example.org/"), manifest.toString());
    }
  }

  @Test
  void theCallbackStoresTheAppAndSwitchesToRunningWithoutARestart() throws Exception {
    stubConversion(201, conversionAnswer());
    List<AppRegistration> registered = new CopyOnWriteArrayList<>();
    try (WorkstreamsServer server = startSetup(registered)) {
      String state = state(get(server, "/", Map.of()).body());
      String otherTab = state(get(server, "/", Map.of()).body());
      byte[] body = Fixtures.webhook("issues-labeled-bug");
      assertEquals(503, new WebhookClient(server.port(), NEW_SECRET).deliver("issues", "before-setup", body).statusCode());

      HttpResponse<String> callback = get(server, "/setup/callback?code=" + CODE + "&state=" + state, Map.of());

      assertEquals(302, callback.statusCode(), callback.body());
      assertEquals("https://github.com/apps/workstreams-octo/installations/new", callback.headers().firstValue("Location").orElseThrow());
      Path file = dataDir.resolve(CredentialsFile.FILE_NAME);
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
      assertEquals(424242, new CredentialsFile(dataDir).load().orElseThrow().id());
      assertEquals(List.of(424242L), registered.stream().map(AppRegistration::id).toList());
      assertEquals(202, new WebhookClient(server.port(), NEW_SECRET).deliver("issues", "after-setup", body).statusCode());
      assertEquals(401, new WebhookClient(server.port(), "another-secret").deliver("issues", "forged", body).statusCode());
      assertTrue(get(server, "/", Map.of()).body().contains("running"));

      HttpResponse<String> replay = get(server, "/setup/callback?code=" + CODE + "&state=" + state, Map.of());
      HttpResponse<String> second = get(server, "/setup/callback?code=" + CODE + "&state=" + otherTab, Map.of());

      assertEquals(400, replay.statusCode());
      assertTrue(replay.body().contains("start again at /"), replay.body());
      assertEquals(409, second.statusCode());
      github.verify(1, postRequestedFor(urlEqualTo(CONVERSION)));
      assertEquals(1, registered.size());
    }
  }

  @Test
  void aStateTheServerNeverIssuedStoresNothing() {
    try (WorkstreamsServer server = start(setupEnvironment())) {
      get(server, "/", Map.of());

      HttpResponse<String> callback = get(server, "/setup/callback?code=" + CODE + "&state=forged", Map.of());

      assertEquals(400, callback.statusCode());
      assertTrue(callback.body().contains("This setup link is not valid or was already used; start again at /"), callback.body());
      assertFalse(Files.exists(dataDir.resolve(CredentialsFile.FILE_NAME)));
      github.verify(0, anyRequestedFor(anyUrl()));
      assertEquals(503, new WebhookClient(server.port(), NEW_SECRET)
          .deliver("issues", "still-setup", Fixtures.webhook("issues-labeled-bug")).statusCode());
    }
  }

  @Test
  void aFailedExchangeShowsGitHubsMessageAndStoresNothing() {
    stubConversion(422, "{\"message\":\"Validation Failed\",\"errors\":[{\"field\":\"name\",\"message\":\"Name is already in use\"}]}");
    try (WorkstreamsServer server = start(setupEnvironment())) {
      String state = state(get(server, "/", Map.of()).body());

      HttpResponse<String> callback = get(server, "/setup/callback?code=" + CODE + "&state=" + state, Map.of());

      assertEquals(502, callback.statusCode());
      assertTrue(callback.body().contains("Validation Failed"), callback.body());
      assertFalse(Files.exists(dataDir.resolve(CredentialsFile.FILE_NAME)));
      try (var files = Files.list(dataDir)) {
        assertTrue(files.noneMatch(f -> f.getFileName().toString().contains(CredentialsFile.FILE_NAME)), "no temporary file left");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Test
  void aStoredAppStartsTheServerInRunningMode() throws Exception {
    new CredentialsFile(dataDir).store(registration());
    List<AppRegistration> registered = new CopyOnWriteArrayList<>();
    try (WorkstreamsServer server = startSetup(registered)) {
      byte[] body = Fixtures.webhook("issues-labeled-bug");

      assertEquals(202, new WebhookClient(server.port(), NEW_SECRET).deliver("issues", "stored-1", body).statusCode());
      assertEquals(401, new WebhookClient(server.port(), "another-secret").deliver("issues", "stored-2", body).statusCode());
      assertTrue(get(server, "/", Map.of()).body().contains("running"));
      assertEquals(List.of(424242L), registered.stream().map(AppRegistration::id).toList());
    }
  }

  private Map<String, String> setupEnvironment() {
    Map<String, String> env = TestServers.environment(dataDir, "unused");
    env.remove("APP_ID");
    env.remove("WEBHOOK_SECRET");
    env.put("GITHUB_API_URL", github.baseUrl());
    return env;
  }

  private WorkstreamsServer startSetup(List<AppRegistration> registered) {
    ServerConfig config = ServerConfig.fromEnvironment(setupEnvironment());
    return WorkstreamsServer.start(WorkstreamsServer.intake(config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
        WorkstreamsServer.openDatabase(config), new EventRouter()), registered::add);
  }

  private static WorkstreamsServer start(Map<String, String> env) {
    return TestServers.start(env, new EventRouter());
  }

  private HttpResponse<String> get(WorkstreamsServer server, String path, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(Duration.ofSeconds(20)).GET();
    headers.forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String state(String page) {
    String action = match(ACTION, page);
    return action.substring(action.indexOf("state=") + "state=".length());
  }

  private static JsonNode manifest(String page) throws IOException {
    return new ObjectMapper().readTree(unescape(match(MANIFEST, page)));
  }

  private static String match(Pattern pattern, String page) {
    Matcher matcher = pattern.matcher(page);
    assertTrue(matcher.find(), page);
    return unescape(matcher.group(1));
  }

  private static String unescape(String html) {
    return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  private static void stubConversion(int status, String body) {
    github.stubFor(post(urlEqualTo(CONVERSION)).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body)));
  }

  private static AppRegistration registration() {
    return new AppRegistration(424242, "workstreams-octo", "workstreams-octo", "Iv23liTestClientId",
        "0123456789abcdef0123456789abcdef01234567", java.util.Optional.of(NEW_SECRET), KEYS.pkcs1Pem(), URI.create("https://github.com/apps/workstreams-octo"));
  }

  /** GitHub's documented answer to "Create a GitHub App from a manifest", trimmed to what setup reads. */
  private static String conversionAnswer() {
    ObjectNode node = new ObjectMapper().createObjectNode();
    node.put("id", 424242);
    node.put("slug", "workstreams-octo");
    node.put("name", "workstreams-octo");
    node.put("html_url", "https://github.com/apps/workstreams-octo");
    node.put("client_id", "Iv23liTestClientId");
    node.put("client_secret", "0123456789abcdef0123456789abcdef01234567");
    node.put("webhook_secret", NEW_SECRET);
    node.put("pem", KEYS.pkcs1Pem());
    return node.toString();
  }
}
