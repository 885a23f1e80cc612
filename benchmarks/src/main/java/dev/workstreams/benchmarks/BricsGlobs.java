package dev.workstreams.benchmarks;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicOperations;
import dk.brics.automaton.RegExp;
import java.util.List;

/**
 * The plan's globs as dk.brics automata, for the baselines that do the app's work with the library issue 2 named.
 *
 * <p>A small translator to brics regular expressions: {@code *} is {@code [^/]*}, {@code ?} is {@code [^/]}, a
 * {@code **} segment before more segments is {@code (.*}{@code /)?}, a final {@code **} or a trailing {@code /} is
 * {@code .*}, {@code {a,b}} is {@code (a|b)}, and every other character is escaped and matched as itself. Braces may
 * not hold a {@code /} or a {@code **} here (the app expands braces before it reads segments, which this translator
 * does not do); the benchmark plan has neither, and anything else is refused rather than translated wrongly.
 *
 * <p>Nothing is minimized: tried on this plan, minimizing each glob's automaton and each task's union (brics's
 * default for a regular expression) made the overlap baseline about 2.4 times slower and the matcher's compilation
 * about 2.5 times slower, for the same matching speed. The baselines are brics at its fastest among the variants tried.
 */
final class BricsGlobs {

  /** Paths a repository can have, as the app's example search requires: no empty, "." or ".." segment. */
  static final Automaton REAL_PATHS;

  static {
    String segment = "([^/.][^/]*|\\.[^/.][^/]*|\\.\\.[^/]+)";
    REAL_PATHS = new RegExp(segment + "(/" + segment + ")*", RegExp.NONE).toAutomaton();
  }

  private BricsGlobs() {}

  /**
   * The glob's language, as brics's regular expression gives it without minimizing: possibly nondeterministic, which
   * intersection, shortest example and {@link dk.brics.automaton.RunAutomaton} (which determinizes) all accept.
   */
  static Automaton automaton(String glob) {
    return new RegExp(regex(glob), RegExp.NONE).toAutomaton(false);
  }

  /** The paths any of the globs matches, possibly nondeterministic. */
  static Automaton unionOfGlobs(List<String> globs) {
    return union(globs.stream().map(BricsGlobs::automaton).toList());
  }

  static Automaton union(List<Automaton> automata) {
    return BasicOperations.union(automata);
  }

  static String regex(String glob) {
    StringBuilder regex = new StringBuilder();
    int depth = 0;
    int i = 0;
    while (i < glob.length()) {
      boolean segmentStart = i == 0 || glob.charAt(i - 1) == '/';
      if (glob.startsWith("**", i) && depth > 0) {
        throw unsupported(glob, "'**' inside braces");
      }
      if (segmentStart && glob.startsWith("**", i) && (i + 2 == glob.length() || glob.charAt(i + 2) == '/')) {
        boolean last = i + 2 == glob.length();
        regex.append(last ? ".*" : "(.*/)?");
        i += last ? 2 : 3;
        continue;
      }
      char c = glob.charAt(i++);
      if (c == '\\' && glob.charAt(i) != '/') {
        literal(regex, glob.charAt(i++));
        continue;
      }
      if (c == '\\') {
        c = glob.charAt(i++); // an escaped '/' is still the separator
      }
      switch (c) {
        case '*' -> regex.append("[^/]*");
        case '?' -> regex.append("[^/]");
        case '[' -> throw unsupported(glob, "'['");
        case '{' -> {
          depth++;
          regex.append("((");
        }
        case '}' -> {
          depth--;
          regex.append("))");
        }
        case ',' -> {
          if (depth > 0) {
            regex.append(")|(");
          } else {
            literal(regex, c);
          }
        }
        case '/' -> {
          if (depth > 0) {
            throw unsupported(glob, "'/' inside braces");
          }
          regex.append('/');
          if (i == glob.length()) {
            regex.append(".*");
          }
        }
        default -> literal(regex, c);
      }
    }
    return regex.toString();
  }

  private static void literal(StringBuilder regex, char c) {
    if (Character.isLetterOrDigit(c)) {
      regex.append(c);
    } else {
      regex.append('\\').append(c);
    }
  }

  private static IllegalArgumentException unsupported(String glob, String what) {
    return new IllegalArgumentException("the brics baseline does not translate " + what + " in \"" + glob + '"');
  }
}
