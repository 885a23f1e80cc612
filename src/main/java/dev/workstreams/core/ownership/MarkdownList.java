package dev.workstreams.core.ownership;

import java.util.List;

/**
 * Bulleted lists of paths for comments and check runs. GitHub refuses a comment over 65,536
 * characters and a check run summary over 65,535, and a pull request may list 3,000 files, so a
 * list stops at a budget and says how many items it left out.
 */
final class MarkdownList {

  /** Leaves room under GitHub's limits for the text around the list. */
  static final int BUDGET = 60_000;

  private MarkdownList() {}

  static String bullets(List<String> items) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      String line = "- " + items.get(i) + "\n";
      if (out.length() + line.length() > BUDGET) {
        return out.append("- … and ").append(items.size() - i).append(" more\n").toString();
      }
      out.append(line);
    }
    return out.toString();
  }

  /** A path as inline code; a path holding a backtick gets a longer fence so it cannot end the span. */
  static String code(String path) {
    return path.contains("`") ? "`` " + path + " ``" : "`" + path + "`";
  }

  static String plural(int count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }
}
