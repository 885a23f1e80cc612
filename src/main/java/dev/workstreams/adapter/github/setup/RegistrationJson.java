package dev.workstreams.adapter.github.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workstreams.json.Json;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** An {@link AppRegistration} in GitHub's field names, which the credentials file keeps too. */
final class RegistrationJson {

  private static final ObjectMapper JSON = Json.mapper();
  /** Fields without which the App cannot act. GitHub's schema allows a null webhook secret and no slug. */
  private static final List<String> REQUIRED_TEXT = List.of("client_id", "client_secret", "pem", "html_url");

  private RegistrationJson() {}

  /** Empty when a required field is missing: the caller says where the JSON came from. */
  static Optional<AppRegistration> read(JsonNode node) {
    if (!node.path("id").canConvertToLong() || node.path("id").asLong() <= 0) {
      return Optional.empty();
    }
    for (String field : REQUIRED_TEXT) {
      if (present(node, field).isEmpty()) {
        return Optional.empty();
      }
    }
    URI htmlUrl = URI.create(text(node, "html_url"));
    // the App's page is https://github.com/apps/SLUG, so it names the slug when the field is missing
    String pageSlug = htmlUrl.getPath() == null ? "" : htmlUrl.getPath().replaceAll("^.*/", "");
    String name = present(node, "name").or(() -> present(node, "slug")).orElse(pageSlug);
    String slug = present(node, "slug").orElse(pageSlug.isEmpty() ? name : pageSlug);
    return Optional.of(new AppRegistration(node.path("id").asLong(), slug, name, text(node, "client_id"),
        text(node, "client_secret"), present(node, "webhook_secret"), text(node, "pem"), htmlUrl));
  }

  static ObjectNode write(AppRegistration registration) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", registration.id());
    node.put("slug", registration.slug());
    node.put("name", registration.name());
    node.put("client_id", registration.clientId());
    node.put("client_secret", registration.clientSecret());
    node.put("webhook_secret", registration.webhookSecret().orElse(null));
    node.put("pem", registration.pem());
    node.put("html_url", registration.htmlUrl().toString());
    return node;
  }

  private static String text(JsonNode node, String field) {
    return node.path(field).asText();
  }

  private static Optional<String> present(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isEmpty() ? Optional.of(value.asText()) : Optional.empty();
  }
}
