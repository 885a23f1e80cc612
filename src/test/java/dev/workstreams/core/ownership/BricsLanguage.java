package dev.workstreams.core.ownership;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicOperations;
import dk.brics.automaton.RegExp;
import java.util.ArrayList;
import java.util.List;

/**
 * Glob languages built a second, independent way, as dk.brics regular expressions, so that overlap answers can be
 * checked against plain automaton intersection.
 */
final class BricsLanguage {

  private static final String REAL_SEGMENT = "([^/.][^/]*|\\.[^/.][^/]*|\\.\\.[^/]+)";

  private BricsLanguage() {}

  static Automaton of(String glob) {
    List<Automaton> alternatives = new ArrayList<>();
    for (String alternative : ReferenceGlob.expand(glob)) {
      alternatives.add(new RegExp(regex(ReferenceGlob.segments(alternative)), RegExp.NONE).toAutomaton());
    }
    return BasicOperations.union(alternatives);
  }

  static Automaton ofAny(List<String> globs) {
    return BasicOperations.union(globs.stream().map(BricsLanguage::of).toList());
  }

  /** Paths a repository can have: segments that are neither empty nor "." nor "..". */
  static Automaton realPaths() {
    return new RegExp(REAL_SEGMENT + "(/" + REAL_SEGMENT + ")*", RegExp.NONE).toAutomaton();
  }

  private static String regex(List<String> segments) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      boolean last = i == segments.size() - 1;
      if (segment.equals("**")) {
        regex.append(last ? ".*" : "(.*/)?");
        continue;
      }
      for (int c = 0; c < segment.length(); c++) {
        char ch = segment.charAt(c);
        if (ch == '*') {
          regex.append("[^/]*");
        } else if (ch == '?') {
          regex.append("[^/]");
        } else {
          regex.append('\\').append(ch == '\\' ? segment.charAt(++c) : ch);
        }
      }
      if (!last) {
        regex.append('/');
      }
    }
    return regex.toString();
  }
}
