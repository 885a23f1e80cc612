package dev.workstreams.core.ownership;

import dev.workstreams.core.ownership.GlobElement.AnyChar;
import dev.workstreams.core.ownership.GlobElement.AnyDirectories;
import dev.workstreams.core.ownership.GlobElement.AnyPath;
import dev.workstreams.core.ownership.GlobElement.AnyRun;
import dev.workstreams.core.ownership.GlobElement.Literal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the glob syntax of the design, and is the one place that words what can be wrong with a pattern.
 *
 * <p>Braces are expanded first, as a shell would, and each alternative is then read segment by segment: that is why
 * {@code {**,docs}/x} means {@code **}{@code /x} or {@code docs/x}. The limits on length, nesting and alternatives keep
 * the automata of one glob small whatever a plan author writes.
 */
final class GlobSyntax {

  static final int MAX_LENGTH = 512;
  static final int MAX_NESTING = 3;
  static final int MAX_ALTERNATIVES = 64;

  private static final Literal SLASH = new Literal('/');
  private static final String ESCAPED_WHEN_SHOWN = "\\*?{},[";

  /** What reading a pattern gave: its alternatives, or the one problem to show its author. */
  sealed interface Reading {}

  /** The brace-free alternatives of a valid pattern, each with its {@code **} segments resolved. */
  record Alternatives(List<List<GlobElement>> alternatives) implements Reading {}

  /** The first problem found, worded for the person who wrote the pattern. */
  record Rejected(String message) implements Reading {}

  private sealed interface Part {}

  private record Single(GlobElement element) implements Part {}

  private record Choice(List<List<Part>> alternatives) implements Part {}

  private final String pattern;
  private int position;
  private boolean hasBraces;

  private GlobSyntax(String pattern) {
    this.pattern = pattern;
  }

  static Reading read(String pattern) {
    if (pattern.isEmpty()) {
      return new Rejected("empty glob");
    }
    if (pattern.length() > MAX_LENGTH) {
      return new Rejected(
          "glob is " + pattern.length() + " characters long, over the limit of " + MAX_LENGTH);
    }
    Optional<String> malformed = malformation(pattern);
    if (malformed.isPresent()) {
      return new Rejected(malformed.get());
    }
    GlobSyntax syntax = new GlobSyntax(pattern);
    List<Part> parts = syntax.sequence(false);
    if (count(parts) > MAX_ALTERNATIVES) {
      return new Rejected("more than " + MAX_ALTERNATIVES + " alternatives in " + quoted(pattern));
    }
    List<List<GlobElement>> resolved = new ArrayList<>();
    for (List<GlobElement> alternative : expand(parts)) {
      Optional<String> problem = syntax.shapeProblem(alternative);
      if (problem.isPresent()) {
        return new Rejected(problem.get());
      }
      resolved.add(resolve(segments(alternative)));
    }
    return new Alternatives(List.copyOf(resolved));
  }

  /** Problems of the pattern as text, found in one left-to-right pass so the first one is reported. */
  private static Optional<String> malformation(String pattern) {
    int depth = 0;
    for (int i = 0; i < pattern.length(); i++) {
      switch (pattern.charAt(i)) {
        case '\\' -> {
          if (i == pattern.length() - 1) {
            return Optional.of(quoted(pattern) + " ends with '\\', which escapes nothing");
          }
          i++;
        }
        case '[' -> {
          // Rejected rather than taken literally: authors coming from .gitignore would expect a character class
          // and silently own nothing.
          return Optional.of(
              "'[' is not supported in " + quoted(pattern) + ": use {a,b} for alternatives, or \\[ for a literal '['");
        }
        case '{' -> {
          depth++;
          if (depth > MAX_NESTING) {
            return Optional.of("braces nested deeper than " + MAX_NESTING + " levels in " + quoted(pattern));
          }
        }
        case '}' -> {
          if (depth == 0) {
            return Optional.of("unbalanced '}' in " + quoted(pattern));
          }
          depth--;
        }
        default -> {}
      }
    }
    return depth > 0 ? Optional.of("unbalanced '{' in " + quoted(pattern)) : Optional.empty();
  }

  /** Reads parts up to the end, or up to the ',' or '}' that closes the current alternative. */
  private List<Part> sequence(boolean inBraces) {
    List<Part> parts = new ArrayList<>();
    while (position < pattern.length()) {
      char c = pattern.charAt(position);
      if (inBraces && (c == ',' || c == '}')) {
        break;
      }
      position++;
      switch (c) {
        case '\\' -> parts.add(new Single(new Literal(pattern.charAt(position++))));
        case '*' -> parts.add(new Single(new AnyRun()));
        case '?' -> parts.add(new Single(new AnyChar()));
        case '{' -> parts.add(choice());
        default -> parts.add(new Single(new Literal(c)));
      }
    }
    return parts;
  }

  private Choice choice() {
    hasBraces = true;
    List<List<Part>> alternatives = new ArrayList<>();
    do {
      alternatives.add(sequence(true));
    } while (pattern.charAt(position++) == ',');
    return new Choice(alternatives);
  }

  /** How many alternatives the braces expand to, saturating just above the limit so that no count overflows. */
  private static long count(List<Part> parts) {
    long total = 1;
    for (Part part : parts) {
      if (part instanceof Choice choice) {
        long sum = 0;
        for (List<Part> alternative : choice.alternatives()) {
          sum = Math.min(sum + count(alternative), MAX_ALTERNATIVES + 1);
        }
        total = Math.min(total * sum, MAX_ALTERNATIVES + 1);
      }
    }
    return total;
  }

  private static List<List<GlobElement>> expand(List<Part> parts) {
    List<List<GlobElement>> expansions = new ArrayList<>();
    expansions.add(new ArrayList<>());
    for (Part part : parts) {
      if (part instanceof Single single) {
        expansions.forEach(expansion -> expansion.add(single.element()));
      } else if (part instanceof Choice choice) {
        List<List<GlobElement>> longer = new ArrayList<>();
        for (List<GlobElement> expansion : expansions) {
          for (List<Part> alternative : choice.alternatives()) {
            for (List<GlobElement> tail : expand(alternative)) {
              List<GlobElement> joined = new ArrayList<>(expansion);
              joined.addAll(tail);
              longer.add(joined);
            }
          }
        }
        expansions = longer;
      }
    }
    return expansions;
  }

  private Optional<String> shapeProblem(List<GlobElement> alternative) {
    if (alternative.isEmpty()) {
      return Optional.of(quoted(pattern) + " can expand to an empty glob");
    }
    List<List<GlobElement>> segments = segments(alternative);
    if (segments.get(0).isEmpty()) {
      return Optional.of(
          "leading '/' in " + where(alternative) + ": globs are relative to the repository root; drop the '/'");
    }
    for (int i = 1; i < segments.size() - 1; i++) {
      if (segments.get(i).isEmpty()) {
        return Optional.of("empty path segment ('//') in " + where(alternative));
      }
    }
    for (List<GlobElement> segment : segments) {
      if (segment.equals(List.of(new Literal('.'))) || segment.equals(List.of(new Literal('.'), new Literal('.')))) {
        return Optional.of(
            "'" + text(segment) + "' segment in " + where(alternative)
                + ": write paths from the repository root, without '.' or '..'");
      }
    }
    return Optional.empty();
  }

  /** The pattern in quotes and, when braces are involved, the alternative that is at fault. */
  private String where(List<GlobElement> alternative) {
    String shown = text(alternative);
    return hasBraces ? quoted(pattern) + " (alternative " + quoted(shown) + ")" : quoted(pattern);
  }

  private static List<List<GlobElement>> segments(List<GlobElement> alternative) {
    List<List<GlobElement>> segments = new ArrayList<>();
    List<GlobElement> current = new ArrayList<>();
    for (GlobElement element : alternative) {
      if (element.equals(SLASH)) {
        segments.add(current);
        current = new ArrayList<>();
      } else {
        current.add(element);
      }
    }
    segments.add(current);
    return segments;
  }

  /**
   * Joins segments again, giving {@code **} its meaning from its place: before more segments it may stand for none,
   * at the end it stands for everything below, as does a trailing {@code '/'}.
   */
  private static List<GlobElement> resolve(List<List<GlobElement>> segments) {
    List<GlobElement> resolved = new ArrayList<>();
    int last = segments.size() - 1;
    for (int i = 0; i <= last; i++) {
      List<GlobElement> segment = segments.get(i);
      boolean globstar = segment.equals(List.of(new AnyRun(), new AnyRun()));
      if (i == last && (segment.isEmpty() || globstar)) {
        resolved.add(new AnyPath());
      } else if (globstar) {
        resolved.add(new AnyDirectories());
      } else {
        resolved.addAll(segment);
        if (i < last) {
          resolved.add(SLASH);
        }
      }
    }
    return List.copyOf(resolved);
  }

  private static String text(List<GlobElement> elements) {
    StringBuilder text = new StringBuilder();
    for (GlobElement element : elements) {
      if (element instanceof Literal literal) {
        if (ESCAPED_WHEN_SHOWN.indexOf(literal.character()) >= 0) {
          text.append('\\');
        }
        text.append(literal.character());
      } else if (element instanceof AnyChar) {
        text.append('?');
      } else {
        text.append('*');
      }
    }
    return text.toString();
  }

  private static String quoted(String text) {
    return '"' + text + '"';
  }
}
