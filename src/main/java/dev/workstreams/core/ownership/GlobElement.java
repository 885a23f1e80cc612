package dev.workstreams.core.ownership;

/**
 * One piece of a glob once its braces are expanded: the alphabet the automata are built from.
 *
 * <p>The parser only produces {@link Literal}, {@link AnyChar} and {@link AnyRun}; {@link GlobLanguage} turns a whole
 * {@code **} segment into {@link AnyDirectories} or {@link AnyPath} because what {@code **} means depends on where it
 * stands.
 */
sealed interface GlobElement {

  /** One character matched as itself; {@code '/'} is always the separator, escaped or not. */
  record Literal(char character) implements GlobElement {}

  /** {@code ?}: one character of a segment. */
  record AnyChar() implements GlobElement {}

  /** {@code *}: any run of characters within a segment, the empty run included. */
  record AnyRun() implements GlobElement {}

  /** {@code **}{@code /} before more segments: zero or more whole segments, each with its {@code '/'}. */
  record AnyDirectories() implements GlobElement {}

  /** A final {@code **}: everything from here on, across segments. */
  record AnyPath() implements GlobElement {}
}
