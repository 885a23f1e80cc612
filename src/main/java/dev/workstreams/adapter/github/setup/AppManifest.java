package dev.workstreams.adapter.github.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.workstreams.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * The App manifest from {@code app-manifest.yml} (repository root, packed into the jar), with its
 * {@code {base_url}} and {@code {webhook_path}} fields filled in for one server.
 */
public final class AppManifest {

  private static final String RESOURCE = "/app-manifest.yml";

  private final JsonNode template;
  private final ObjectMapper json = Json.mapper();

  private AppManifest(JsonNode template) {
    this.template = template;
  }

  public static AppManifest fromClasspath() {
    try (InputStream in = AppManifest.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath; the build packs it from the repository root");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  public static AppManifest parse(String yaml) {
    try {
      return new AppManifest(new ObjectMapper(new YAMLFactory()).readTree(yaml));
    } catch (IOException e) {
      throw new IllegalArgumentException("the App manifest is not valid YAML: " + e.getMessage(), e);
    }
  }

  /**
   * The manifest as the JSON GitHub's form expects.
   *
   * @param baseUrl     where GitHub reaches this server, such as {@code https://ws.example.com}
   * @param webhookPath the webhook route, such as {@code /api/github/webhooks}
   */
  public String render(String baseUrl, String webhookPath) {
    URI base = URI.create(baseUrl);
    if (!("https".equals(base.getScheme()) || "http".equals(base.getScheme())) || base.getHost() == null
        || base.getRawQuery() != null || base.getRawFragment() != null) {
      throw new IllegalArgumentException("the public URL must be http(s)://host[:port][/path], got " + baseUrl);
    }
    if (!webhookPath.startsWith("/")) {
      throw new IllegalArgumentException("the webhook path must start with /, got " + webhookPath);
    }
    Map<String, String> values = Map.of("{base_url}", baseUrl.replaceAll("/+$", ""), "{webhook_path}", webhookPath);
    try {
      return json.writeValueAsString(filled(template.deepCopy(), values));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the App manifest as JSON", e);
    }
  }

  private static JsonNode filled(JsonNode node, Map<String, String> values) {
    if (node.isTextual()) {
      String text = node.asText();
      for (Map.Entry<String, String> value : values.entrySet()) {
        text = text.replace(value.getKey(), value.getValue());
      }
      return TextNode.valueOf(text);
    }
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        field.setValue(filled(field.getValue(), values));
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, filled(array.get(i), values));
      }
    }
    return node;
  }
}
