package dev.workstreams.adapter.github.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** An {@link AppRegistration} in GitHub's field names, which the credentials file keeps too. */
final class RegistrationJson {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> TEXT_FIELDS =
      List.of("slug", "client_id", "client_secret", "webhook_secret", "pem", "html_url");

  private RegistrationJson() {}

  /** Empty when a field is missing: the caller says where the JSON came from. */
  static Optional<AppRegistration> read(JsonNode node) {
    if (!node.path("id").canConvertToLong() || node.path("id").asLong() <= 0) {
      return Optional.empty();
    }
    for (String field : TEXT_FIELDS) {
      if (!node.path(field).isTextual() || node.path(field).asText().isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.of(new AppRegistration(node.path("id").asLong(), text(node, "slug"), node.path("name").asText(text(node, "slug")),
        text(node, "client_id"), text(node, "client_secret"), text(node, "webhook_secret"), text(node, "pem"),
        URI.create(text(node, "html_url"))));
  }

  static ObjectNode write(AppRegistration registration) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", registration.id());
    node.put("slug", registration.slug());
    node.put("name", registration.name());
    node.put("client_id", registration.clientId());
    node.put("client_secret", registration.clientSecret());
    node.put("webhook_secret", registration.webhookSecret());
    node.put("pem", registration.pem());
    node.put("html_url", registration.htmlUrl().toString());
    return node;
  }

  private static String text(JsonNode node, String field) {
    return node.path(field).asText();
  }
}
