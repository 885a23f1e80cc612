package dev.workstreams.core.ownership;

import dev.workstreams.core.ownership.GlobSyntax.Alternatives;
import dev.workstreams.core.ownership.GlobSyntax.Rejected;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One validated glob of repository paths, compiled to an automaton once and then matched against any number of paths.
 *
 * <p>The syntax, from the design: paths are relative to the repository root and {@code /}-separated; {@code *}
 * matches any characters within one segment, {@code ?} one character of a segment, a {@code **} segment any number of
 * whole segments (none included: {@code src/**}{@code /x} matches {@code src/x}), {@code {a,b}} either alternative, and
 * a backslash makes the next character literal. A final {@code **} or a trailing {@code /} means everything below a
 * folder: {@code dir/**} and {@code dir/} match {@code dir/a} and {@code dir/a/b}, not {@code dir}. {@code **} inside a
 * segment ({@code a**b}) is the same as {@code *}. Wildcards match dot-files like any other name. Braces are expanded
 * first, as a shell does, nest at most 3 deep and give at most 64 alternatives; a pattern has at most 512 characters;
 * {@code [} is rejected rather than read as a character class (write {@code \[} for the character).
 *
 * <p>Use {@link #problem} on anything a person wrote; {@link #compile} is for patterns already known to be valid.
 */
public final class Glob {

  // Far above what any hand-written glob needs (src/{main,test}/**/*.{java,kt} takes about 30), low enough that a plan
  // of pathological globs cannot exhaust memory.
  static final int MAX_STATES = 2_000;

  private final String pattern;
  private final Dfa automaton;
  private final List<LiteralBounds> bounds;

  private Glob(String pattern, Dfa automaton, List<LiteralBounds> bounds) {
    this.pattern = pattern;
    this.automaton = automaton;
    this.bounds = bounds;
  }

  /** What is wrong with a pattern, worded for its author; empty when it is a valid glob. */
  public static Optional<GlobProblem> problem(String pattern) {
    return read(pattern).problem();
  }

  /**
   * The glob a valid pattern denotes.
   *
   * @throws IllegalArgumentException with the {@link #problem} message when the pattern is not valid
   */
  public static Glob compile(String pattern) {
    Compiled compiled = read(pattern);
    return compiled.glob()
        .orElseThrow(() -> new IllegalArgumentException(compiled.problem().map(GlobProblem::message).orElseThrow()));
  }

  public String pattern() {
    return pattern;
  }

  /** Whether a repository path (relative, {@code /}-separated) is one this glob names. */
  public boolean matches(String path) {
    return automaton.accepts(automaton.run(path));
  }

  Dfa automaton() {
    return automaton;
  }

  /** The fixed text at both ends of each brace-free alternative. */
  List<LiteralBounds> bounds() {
    return bounds;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Glob glob && glob.pattern.equals(pattern);
  }

  @Override
  public int hashCode() {
    return pattern.hashCode();
  }

  @Override
  public String toString() {
    return pattern;
  }

  private static Compiled read(String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    GlobSyntax.Reading reading = GlobSyntax.read(pattern);
    if (reading instanceof Rejected rejected) {
      return Compiled.invalid(new GlobProblem(pattern, rejected.message()));
    }
    List<List<GlobElement>> alternatives = ((Alternatives) reading).alternatives();
    Optional<Dfa> automaton = SubsetConstruction.determinize(GlobLanguage.of(alternatives), MAX_STATES);
    if (automaton.isEmpty()) {
      return Compiled.invalid(
          new GlobProblem(pattern, '"' + pattern + "\" is too complex to check; split it into simpler globs"));
    }
    List<LiteralBounds> bounds = alternatives.stream().map(LiteralBounds::of).toList();
    return new Compiled(Optional.of(new Glob(pattern, automaton.get(), bounds)), Optional.empty());
  }

  private record Compiled(Optional<Glob> glob, Optional<GlobProblem> problem) {
    static Compiled invalid(GlobProblem problem) {
      return new Compiled(Optional.empty(), Optional.of(problem));
    }
  }
}
