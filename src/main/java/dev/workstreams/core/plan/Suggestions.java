package dev.workstreams.core.plan;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean …?" for misspelt keys and task ids. */
final class Suggestions {

  private static final int MAX_DISTANCE = 2;

  private Suggestions() {}

  static Optional<String> closest(String word, Collection<String> candidates) {
    return candidates.stream()
        .filter(c -> Math.abs(word.length() - c.length()) <= MAX_DISTANCE && distance(word, c) <= MAX_DISTANCE)
        .min(Comparator.comparingInt((String c) -> distance(word, c)));
  }

  // Levenshtein distance, quadratic: callers compare only words whose lengths are close, since an unknown key or
  // dependency is user text of any length.
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
