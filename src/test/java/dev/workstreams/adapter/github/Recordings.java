package dev.workstreams.adapter.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitHub's recorded answers (src/test/resources/github/wiremock-recordings, see SOURCES.md there),
 * loaded from github-api's WireMock mappings so tests can stub them at their own URLs.
 */
public final class Recordings {

  public static final String SECONDARY_LIMIT_403 =
      "AbuseLimitHandlerTest/wiremock/testHandler_Wait_Secondary_Limits/mappings/2-r_h_t_fail.json";
  public static final String SECONDARY_LIMIT_429_RETRY_AFTER =
      "AbuseLimitHandlerTest/wiremock/testHandler_Wait_Secondary_Limits_Too_Many_Requests/mappings/2-r_h_t_fail.json";
  public static final String REPOSITORY =
      "AbuseLimitHandlerTest/wiremock/testHandler_Wait_Secondary_Limits/mappings/3-r_h_t_fail.json";
  public static final String PRIMARY_LIMIT_403 = "RateLimitHandlerTest/wiremock/testHandler_Wait/mappings/2-r_h_t_Wait.json";
  public static final String INSTALLATION_TOKEN =
      "AppInstallationAuthorizationProviderTest/wiremock/validJWTTokenAllowsOauthTokenRequest/mappings/4-a_i_11575015_access_tokens.json";
  public static final String MARK_READY_GRAPHQL = "GHPullRequestTest/wiremock/markReadyForReview/mappings/5-graphql.json";
  public static final String APP = "GHAppTest/wiremock/createToken/mappings/mapping-githubapp-app.json";
  public static final String PERMISSION_DENIED_403 =
      "GHRepositoryTest/wiremock/getPermission/mappings/7-r_a_g_collaborators_jglick_permission.json";

  private static final String ROOT = "/github/wiremock-recordings/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Recordings() {}

  /** A recorded answer: status, body and headers (templated ones, like {@code {{now}}}, left out). */
  public record Answer(int status, String body, Map<String, String> headers) {

    public Answer withHeader(String name, String value) {
      Map<String, String> changed = new LinkedHashMap<>(headers);
      changed.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
      changed.put(name, value);
      return new Answer(status, body, changed);
    }

    public Answer withBody(String newBody) {
      return new Answer(status, newBody, headers);
    }

    /** The body with one top-level JSON field replaced. */
    public Answer withJsonField(String field, String value) {
      try {
        ObjectNode node = (ObjectNode) JSON.readTree(body);
        node.put(field, value);
        return withBody(JSON.writeValueAsString(node));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public ResponseDefinitionBuilder response() {
      ResponseDefinitionBuilder response = aResponse().withStatus(status).withBody(body);
      headers.forEach(response::withHeader);
      return response;
    }
  }

  public static Answer answer(String mapping) {
    JsonNode response = read(mapping).path("response");
    String body = response.has("bodyFileName")
        ? text(mapping.replaceFirst("mappings/[^/]+$", "__files/" + response.path("bodyFileName").asText()))
        : response.path("body").asText("");
    Map<String, String> headers = new LinkedHashMap<>();
    response.path("headers").fields().forEachRemaining(header -> {
      String value = header.getValue().isArray() ? header.getValue().get(0).asText() : header.getValue().asText();
      if (!value.contains("{{")) {
        headers.put(header.getKey(), value);
      }
    });
    return new Answer(response.path("status").asInt(), body, headers);
  }

  private static JsonNode read(String path) {
    try {
      return JSON.readTree(text(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(String path) {
    try (InputStream in = Recordings.class.getResourceAsStream(ROOT + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no recording " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
