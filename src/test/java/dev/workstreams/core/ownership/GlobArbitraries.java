package dev.workstreams.core.ownership;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Small random globs and paths over a tiny alphabet, so that they often meet: letters a and b, dots, wildcards,
 * double stars, escapes and nested braces.
 */
final class GlobArbitraries {

  private static final int MAX_BRACE_DEPTH = 2;

  private GlobArbitraries() {}

  /** Valid globs of one to three segments, sometimes with a trailing '/'. */
  static Arbitrary<String> globs() {
    Arbitrary<String> segment =
        Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just("**")), Tuple.of(4, atoms(0, 1, 3)));
    return Combinators.combine(segment.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of("", "", "", "/"))
        .as((segments, end) -> String.join("/", segments) + end)
        .filter(glob -> Glob.problem(glob).isEmpty());
  }

  /** Real repository paths of one to four segments. */
  static Arbitrary<String> paths() {
    Arbitrary<String> segment = Arbitraries.strings().withChars("aab.*").ofMinLength(1).ofMaxLength(3)
        .filter(name -> !name.equals(".") && !name.equals(".."));
    return segment.list().ofMinSize(1).ofMaxSize(4).map(segments -> String.join("/", segments));
  }

  private static Arbitrary<String> atoms(int depth, int min, int max) {
    return atom(depth).list().ofMinSize(min).ofMaxSize(max).map(parts -> String.join("", parts));
  }

  private static Arbitrary<String> atom(int depth) {
    Arbitrary<String> simple = Arbitraries.of("a", "b", "ab", ".", "*", "?", "\\*");
    if (depth >= MAX_BRACE_DEPTH) {
      return simple;
    }
    return Arbitraries.frequencyOf(Tuple.of(6, simple), Tuple.of(1, Arbitraries.lazy(() -> braces(depth + 1))));
  }

  private static Arbitrary<String> braces(int depth) {
    Arbitrary<String> alternative = Arbitraries.frequencyOf(
        Tuple.of(4, atoms(depth, 0, 2)), Tuple.of(1, Arbitraries.of("**", "a/b", "**/a", "*/")));
    return alternative.list().ofMinSize(2).ofMaxSize(3).map(parts -> "{" + String.join(",", parts) + "}");
  }
}
