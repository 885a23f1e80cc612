package dev.workstreams.core.ownership;

import dev.workstreams.core.text.InertText;
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

  /** A path as inline code that the path cannot end, nor use to fake one of the App's markers. */
  static String code(String path) {
    return InertText.code(path);
  }

  static String plural(int count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }
}
