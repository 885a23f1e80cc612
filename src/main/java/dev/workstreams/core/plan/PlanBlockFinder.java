package dev.workstreams.core.plan;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the plan in an issue body: the first fenced code block whose info string is {@code plan},
 * or {@code yaml} with a top-level {@code tasks:} key. Fences follow CommonMark: three or more
 * backticks or tildes indented at most three spaces, closed by a fence of the same character at
 * least as long; an unclosed fence runs to the end of the body.
 */
public final class PlanBlockFinder {

  private static final Pattern OPENING =
      Pattern.compile("^( {0,3})(`{3,}|~{3,})\\s*([^\\s`]*)[^`]*$");
  private static final Pattern TOP_LEVEL_TASKS = Pattern.compile("^tasks\\s*:(\\s.*)?$");

  private PlanBlockFinder() {}

  public static Optional<PlanBlock> find(String issueBody) {
    List<String> lines = issueBody.lines().toList();
    int i = 0;
    while (i < lines.size()) {
      Matcher open = OPENING.matcher(lines.get(i));
      if (!open.matches()) {
        i++;
        continue;
      }
      String fence = open.group(2);
      String info = open.group(3).toLowerCase(Locale.ROOT);
      int indent = open.group(1).length();
      int end = closingLine(lines, i + 1, fence);
      String content = unindent(lines.subList(i + 1, end), indent);
      if (info.equals("plan") || (info.equals("yaml") && hasTopLevelTasks(content))) {
        return Optional.of(new PlanBlock(content, i + 2));
      }
      i = end + 1;
    }
    return Optional.empty();
  }

  private static int closingLine(List<String> lines, int from, String fence) {
    Pattern closing =
        Pattern.compile("^ {0,3}" + Pattern.quote(String.valueOf(fence.charAt(0))) + "{" + fence.length() + ",}\\s*$");
    for (int j = from; j < lines.size(); j++) {
      if (closing.matcher(lines.get(j)).matches()) {
        return j;
      }
    }
    return lines.size();
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
