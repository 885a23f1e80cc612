package dev.workstreams.core.text;

/**
 * Text the App did not write, put into a prompt as a Markdown block quote: every line starts with
 * {@code >}, so the text's own headings and fences cannot pass for the prompt's sections.
 */
public final class BlockQuote {

  private BlockQuote() {}

  public static String of(String text) {
    StringBuilder quoted = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      quoted.append(line.isEmpty() ? ">" : "> " + line).append('\n');
    }
    return quoted.toString();
  }
}
