package dev.workstreams.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.workstreams.adapter.store.JdbcPlanStore;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks that a body is one well-formed JSON object that the handlers will be able to read, and
 * picks the few fields intake needs, in one streaming pass. "Able to read" means within the limits
 * of the parser the handlers use (the same factory, so the same {@code StreamReadConstraints}:
 * every string is decoded here, every number and nesting level counted), and with issue and pull
 * request bodies that fit the plan store. A delivery outside them is refused now, with a reason,
 * instead of being stored and failing every attempt until it is parked. Building the whole tree
 * (tens of thousands of nodes for a pull request) would cost intake more than storing does.
 */
final class PayloadScan {
  private final JsonFactory factory;

  PayloadScan(JsonFactory factory) {
    this.factory = factory;
  }

  /** What the scan found: the fields, or why the body is refused. */
  sealed interface Result {
    record Fields(PayloadFields found) implements Result {}

    record Refused(String reason) implements Result {}

    default Optional<PayloadFields> fields() {
      return this instanceof Fields f ? Optional.of(f.found()) : Optional.empty();
    }
  }

  Result scan(byte[] body) {
    try (JsonParser parser = factory.createParser(body)) {
      // A string has at most as many characters as its UTF-8 bytes: in a body no longer than the
      // string limit none can be over it, so strings are skipped undecoded (most of a payload's bytes).
      boolean decodeStrings = body.length > parser.streamReadConstraints().getMaxStringLength();
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return notAnObject();
      }
      PayloadFields.Builder fields = new PayloadFields.Builder();
      Optional<String> problem = readTopLevel(parser, fields, decodeStrings);
      if (problem.isPresent()) {
        return new Result.Refused(problem.get());
      }
      if (parser.nextToken() != null) {
        return notAnObject();
      }
      return new Result.Fields(fields.build());
    } catch (StreamConstraintsException e) {
      return new Result.Refused("the body is over the JSON parser's limits: " + e.getOriginalMessage());
    } catch (IOException e) {
      return notAnObject();
    }
  }

  private static Result notAnObject() {
    return new Result.Refused("the body is not a JSON object");
  }

  private static Optional<String> readTopLevel(JsonParser parser, PayloadFields.Builder fields, boolean decodeStrings)
      throws IOException {
    Optional<String> problem = Optional.empty();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      Optional<String> found = switch (name) {
        case "action" -> none(() -> fields.action(text(parser, value)));
        case "number" -> none(() -> fields.number(number(parser, value)));
        case "installation" -> readObject(parser, value, "id", v -> fields.installationId(number(parser, v)), decodeStrings);
        case "repository" -> readObject(parser, value, "full_name", v -> fields.repository(text(parser, v)), decodeStrings);
        case "issue" -> readIssue(parser, value, fields, decodeStrings);
        case "pull_request" -> readPullRequest(parser, value, fields, decodeStrings);
        // A check suite on a workstream branch belongs to its plan issue, like the pull request's own events.
        case "check_suite" -> readObject(parser, value, "head_branch", v -> fields.pullRequestHead(text(parser, v)), decodeStrings);
        default -> none(() -> walk(parser, value, decodeStrings));
      };
      problem = first(problem, found);
    }
    return problem;
  }

  private static Optional<String> readIssue(JsonParser parser, JsonToken start, PayloadFields.Builder fields,
      boolean decodeStrings) throws IOException {
    if (start != JsonToken.START_OBJECT) {
      walk(parser, start, decodeStrings);
      return Optional.empty();
    }
    Optional<String> problem = Optional.empty();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals("number")) {
        fields.issueNumber(number(parser, value));
      } else if (name.equals("body")) {
        problem = first(problem, storableBody("issue.body", parser, value));
      }
      walk(parser, value, decodeStrings);
    }
    return problem;
  }

  /** The pull request's number, and its head branch, which names the plan issue of a workstream. */
  private static Optional<String> readPullRequest(JsonParser parser, JsonToken start, PayloadFields.Builder fields,
      boolean decodeStrings) throws IOException {
    if (start != JsonToken.START_OBJECT) {
      walk(parser, start, decodeStrings);
      return Optional.empty();
    }
    Optional<String> problem = Optional.empty();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals("number")) {
        fields.pullRequestNumber(number(parser, value));
      } else if (name.equals("head")) {
        readObject(parser, value, "ref", v -> fields.pullRequestHead(text(parser, v)), decodeStrings);
        continue;
      } else if (name.equals("body")) {
        problem = first(problem, storableBody("pull_request.body", parser, value));
      }
      walk(parser, value, decodeStrings);
    }
    return problem;
  }

  /**
   * GitHub keeps issue and pull request bodies under 65,536 characters; the plan store keeps up to
   * {@link JdbcPlanStore#MAX_BODY_CHARACTERS}. A longer one is not GitHub's, and could never be stored.
   */
  private static Optional<String> storableBody(String field, JsonParser parser, JsonToken value) throws IOException {
    int length = value == JsonToken.VALUE_STRING ? parser.getTextLength() : 0;
    return length > JdbcPlanStore.MAX_BODY_CHARACTERS
        ? Optional.of(field + " has " + length + " characters; at most " + JdbcPlanStore.MAX_BODY_CHARACTERS + " are kept")
        : Optional.empty();
  }

  private static Optional<String> first(Optional<String> earlier, Optional<String> later) {
    return earlier.isPresent() ? earlier : later;
  }

  /** Walks an object, handing the value of one field to {@code onField}; everything is still walked. */
  private static Optional<String> readObject(JsonParser parser, JsonToken start, String wanted, FieldReader onField,
      boolean decodeStrings) throws IOException {
    if (start != JsonToken.START_OBJECT) {
      walk(parser, start, decodeStrings);
      return Optional.empty();
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals(wanted)) {
        onField.read(value);
      }
      walk(parser, value, decodeStrings);
    }
    return Optional.empty();
  }

  /**
   * Reads a value to its end, decoding every string and number on the way: skipping would leave
   * them unchecked against the parser's limits, which the handlers' tree then trips over. Strings are
   * decoded only when {@code decodeStrings} (the body is long enough to hold one over the limit).
   */
  private static void walk(JsonParser parser, JsonToken start, boolean decodeStrings) throws IOException {
    int depth = start.isStructStart() ? 1 : 0;
    JsonToken token = start;
    while (true) {
      if (token == JsonToken.VALUE_STRING && decodeStrings) {
        // Decoding counts the characters; the parser itself checks the limit only when it builds the
        // String, which is what the handlers' tree does, so the same check is made here without building it.
        parser.streamReadConstraints().validateStringLength(parser.getTextLength());
      } else if (token.isNumeric()) {
        parser.getNumberValue();
      }
      if (depth == 0) {
        return;
      }
      token = parser.nextToken();
      if (token == null) {
        throw new IOException("the body ends inside a value");
      }
      if (token.isStructStart()) {
        depth++;
      } else if (token.isStructEnd()) {
        depth--;
      }
    }
  }

  private static Optional<String> text(JsonParser parser, JsonToken token) throws IOException {
    return token == JsonToken.VALUE_STRING ? Optional.of(parser.getText()) : Optional.empty();
  }

  private static OptionalLong number(JsonParser parser, JsonToken token) throws IOException {
    return token == JsonToken.VALUE_NUMBER_INT ? OptionalLong.of(parser.getLongValue()) : OptionalLong.empty();
  }

  private static Optional<String> none(FieldAction action) throws IOException {
    action.run();
    return Optional.empty();
  }

  @FunctionalInterface
  private interface FieldReader {
    void read(JsonToken value) throws IOException;
  }

  @FunctionalInterface
  private interface FieldAction {
    void run() throws IOException;
  }
}
