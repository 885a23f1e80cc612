package dev.workstreams.core.command;

import dev.workstreams.core.plan.TaskIds;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code /workstreams …} command in an issue comment. Only a line that starts with
 * {@code /workstreams} counts (the first such line), so quoting or mentioning a command in prose
 * does not run it.
 */
public sealed interface CommentCommand {

  String USAGE = "Usage: `/workstreams status`, `/workstreams retry <task-id>`, `/workstreams cancel <task-id>`,"
      + " `/workstreams draft` and `/workstreams accept` on an issue, and on a workstream pull request"
      + " `/workstreams revise`.";

  record Status() implements CommentCommand {}

  record Retry(String taskId) implements CommentCommand {}

  record Cancel(String taskId) implements CommentCommand {}

  /** On a workstream pull request (comment or review): run its agent again on what reviewers said; resets the count. */
  record Revise() implements CommentCommand {}
  /** {@code /workstreams draft}: ask the operator's planner for a plan of this issue. */
  record Draft() implements CommentCommand {}

  /** {@code /workstreams accept}: append the drafted plan to the issue and add the trigger label. */
  record Accept() implements CommentCommand {}

  /** Starts with {@code /workstreams} but is not a command we know; answered with the usage. */
  record Unknown(String text) implements CommentCommand {}

  Pattern LINE = Pattern.compile("^\\s{0,3}/workstreams(?:\\s+(.*))?$", Pattern.MULTILINE);

  static Optional<CommentCommand> parse(String commentBody) {
    if (commentBody == null) {
      return Optional.empty();
    }
    Matcher line = LINE.matcher(commentBody.replace("\r", ""));
    if (!line.find()) {
      return Optional.empty();
    }
    String rest = line.group(1) == null ? "" : line.group(1).strip();
    String[] words = rest.isEmpty() ? new String[0] : rest.split("\\s+");
    String verb = words.length == 0 ? "" : words[0].toLowerCase(Locale.ROOT);
    if (verb.equals("status") && words.length == 1) {
      return Optional.of(new Status());
    }
    if (verb.equals("revise") && words.length == 1) {
      return Optional.of(new Revise());
    }
    if (verb.equals("draft") && words.length == 1) {
      return Optional.of(new Draft());
    }
    if (verb.equals("accept") && words.length == 1) {
      return Optional.of(new Accept());
    }
    if ((verb.equals("retry") || verb.equals("cancel")) && words.length == 2 && TaskIds.valid(words[1])) {
      return Optional.of(verb.equals("retry") ? new Retry(words[1]) : new Cancel(words[1]));
    }
    return Optional.of(new Unknown(("/workstreams " + rest).strip()));
  }
}
