package dev.workstreams.core.plan;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the plan in an issue body: the first fenced code block whose info string is {@code plan},
 * or {@code yaml} with a top-level {@code tasks:} key. Fences follow CommonMark: three or more
 * backticks or tildes indented at most three spaces, closed by a fence of the same character at
 * least as long; an unclosed fence runs to the end of the body.
 */
public final class PlanBlockFinder {

  private static final Pattern TOP_LEVEL_TASKS = Pattern.compile("^tasks\\s*:(\\s.*)?$");

  /** An opening fence: its indentation, its character and length, and the first word of its info string. */
  private record Fence(int indent, char mark, int length, String info) {}

  private PlanBlockFinder() {}

  public static Optional<PlanBlock> find(String issueBody) {
    List<String> lines = issueBody.lines().toList();
    int i = 0;
    while (i < lines.size()) {
      Optional<Fence> opening = opening(lines.get(i));
      if (opening.isEmpty()) {
        i++;
        continue;
      }
      Fence fence = opening.get();
      int end = closingLine(lines, i + 1, fence);
      String content = unindent(lines.subList(i + 1, end), fence.indent());
      if (fence.info().equals("plan") || (fence.info().equals("yaml") && hasTopLevelTasks(content))) {
        return Optional.of(new PlanBlock(content, i + 2));
      }
      i = end + 1;
    }
    return Optional.empty();
  }

  // Read by hand, one pass over the line: a regular expression for this backtracked quadratically on a fence followed
  // by a long run of spaces and a stray backtick (issue 11).
  private static Optional<Fence> opening(String line) {
    int indent = spaces(line, 0);
    if (indent > 3 || indent == line.length()) {
      return Optional.empty();
    }
    char mark = line.charAt(indent);
    int fenceEnd = run(line, indent, mark);
    if ((mark != '`' && mark != '~') || fenceEnd - indent < 3 || line.indexOf('`', fenceEnd) >= 0) {
      return Optional.empty();
    }
    int infoStart = fenceEnd;
    while (infoStart < line.length() && isSpace(line.charAt(infoStart))) {
      infoStart++;
    }
    int infoEnd = infoStart;
    while (infoEnd < line.length() && !isSpace(line.charAt(infoEnd))) {
      infoEnd++;
    }
    String info = line.substring(infoStart, infoEnd).toLowerCase(Locale.ROOT);
    return Optional.of(new Fence(indent, mark, fenceEnd - indent, info));
  }

  private static int closingLine(List<String> lines, int from, Fence fence) {
    for (int j = from; j < lines.size(); j++) {
      if (closes(lines.get(j), fence)) {
        return j;
      }
    }
    return lines.size();
  }

  private static boolean closes(String line, Fence fence) {
    int indent = spaces(line, 0);
    if (indent > 3) {
      return false;
    }
    int end = run(line, indent, fence.mark());
    if (end - indent < fence.length()) {
      return false;
    }
    for (int k = end; k < line.length(); k++) {
      if (!isSpace(line.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private static int spaces(String line, int from) {
    return run(line, from, ' ') - from;
  }

  /** The index after the run of {@code c} that starts at {@code from}. */
  private static int run(String line, int from, char c) {
    int end = from;
    while (end < line.length() && line.charAt(end) == c) {
      end++;
    }
    return end;
  }

  // What \s meant in the expression this replaces.
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r' || c == '\n';
  }

  // CommonMark removes up to the opening fence's indentation from each content line.
  private static String unindent(List<String> content, int indent) {
    StringBuilder out = new StringBuilder();
    for (String line : content) {
      int strip = 0;
      while (strip < indent && strip < line.length() && line.charAt(strip) == ' ') {
        strip++;
      }
      out.append(line, strip, line.length()).append('\n');
    }
    return out.toString();
  }

  private static boolean hasTopLevelTasks(String content) {
    return content.lines().anyMatch(line -> TOP_LEVEL_TASKS.matcher(line).matches());
  }
}
