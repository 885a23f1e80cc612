package dev.workstreams.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks that a body is one well-formed JSON object and picks the few fields intake needs, in
 * one streaming pass. Building the whole tree (tens of thousands of nodes for a pull request)
 * would cost the intake path more than storing the delivery does; handlers get the tree later.
 */
final class PayloadScan {
  private final JsonFactory factory;

  PayloadScan(JsonFactory factory) {
    this.factory = factory;
  }

  /** The fields, or empty when the body is not exactly one JSON object. */
  Optional<PayloadFields> scan(byte[] body) {
    try (JsonParser parser = factory.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      PayloadFields.Builder fields = new PayloadFields.Builder();
      readTopLevel(parser, fields);
      if (parser.nextToken() != null) {
        return Optional.empty();
      }
      return Optional.of(fields.build());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void readTopLevel(JsonParser parser, PayloadFields.Builder fields) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (name) {
        case "action" -> fields.action(text(parser, value));
        case "number" -> fields.number(number(parser, value));
        case "installation" -> readObject(parser, value, "id", v -> fields.installationId(number(parser, v)));
        case "repository" -> readObject(parser, value, "full_name", v -> fields.repository(text(parser, v)));
        case "issue" -> readObject(parser, value, "number", v -> fields.issueNumber(number(parser, v)));
        case "pull_request" -> readPullRequest(parser, value, fields);
        default -> parser.skipChildren();
      }
    }
  }

  /** The pull request's number, and its head branch, which names the plan issue of a workstream. */
  private static void readPullRequest(JsonParser parser, JsonToken start, PayloadFields.Builder fields) throws IOException {
    if (start != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals("number")) {
        fields.pullRequestNumber(number(parser, value));
      } else if (name.equals("head")) {
        readObject(parser, value, "ref", v -> fields.pullRequestHead(text(parser, v)));
      } else {
        parser.skipChildren();
      }
    }
  }

  /** Walks an object, handing the value of one field to {@code onField}; anything else is skipped. */
  private static void readObject(JsonParser parser, JsonToken start, String wanted, FieldReader onField)
      throws IOException {
    if (start != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals(wanted)) {
        onField.read(value);
      }
      parser.skipChildren();
    }
  }

  private static Optional<String> text(JsonParser parser, JsonToken token) throws IOException {
    return token == JsonToken.VALUE_STRING ? Optional.of(parser.getText()) : Optional.empty();
  }

  private static OptionalLong number(JsonParser parser, JsonToken token) throws IOException {
    return token == JsonToken.VALUE_NUMBER_INT ? OptionalLong.of(parser.getLongValue()) : OptionalLong.empty();
  }

  @FunctionalInterface
  private interface FieldReader {
    void read(JsonToken value) throws IOException;
  }
}
