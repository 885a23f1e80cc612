package dev.workstreams.core.ownership;

import dev.workstreams.core.ownership.GlobElement.Literal;
import java.util.List;

/**
 * The fixed text at both ends of one brace-free alternative: {@code src/auth/} and {@code .java} for
 * {@code src/auth/**}{@code /*.java}.
 *
 * <p>A path matching two alternatives starts with both prefixes and ends with both suffixes, so one prefix must extend
 * the other and likewise the suffixes. Checking that costs a few character comparisons and rules out most pairs of a
 * plan before any automaton is explored.
 */
record LiteralBounds(String prefix, String suffix) {

  static LiteralBounds of(List<GlobElement> alternative) {
    int start = 0;
    while (start < alternative.size() && alternative.get(start) instanceof Literal) {
      start++;
    }
    int end = alternative.size();
    while (end > 0 && alternative.get(end - 1) instanceof Literal) {
      end--;
    }
    return new LiteralBounds(text(alternative.subList(0, start)), text(alternative.subList(end, alternative.size())));
  }

  boolean compatibleWith(LiteralBounds other) {
    return (prefix.startsWith(other.prefix) || other.prefix.startsWith(prefix))
        && (suffix.endsWith(other.suffix) || other.suffix.endsWith(suffix));
  }

  private static String text(List<GlobElement> literals) {
    StringBuilder text = new StringBuilder(literals.size());
    literals.forEach(element -> text.append(((Literal) element).character()));
    return text.toString();
  }
}
