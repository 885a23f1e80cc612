package dev.workstreams.core.ownership;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The glob semantics of the design written the straightforward way, to check the automata against: braces expanded as
 * text, then a recursive match segment by segment. Slow, and meant to be obviously right.
 */
final class ReferenceGlob {

  private ReferenceGlob() {}

  static boolean matches(String glob, String path) {
    List<String> pathSegments = Arrays.asList(path.split("/", -1));
    for (String alternative : expand(glob)) {
      if (matchesSegments(segments(alternative), 0, pathSegments, 0)) {
        return true;
      }
    }
    return false;
  }

  /** The brace-free alternatives of a glob, as text with its escapes kept. */
  static List<String> expand(String glob) {
    int open = -1;
    int depth = 0;
    List<Integer> commas = new ArrayList<>();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '{') {
        if (depth++ == 0) {
          open = i;
        }
      } else if (c == ',' && depth == 1) {
        commas.add(i);
      } else if (c == '}' && --depth == 0) {
        List<String> expanded = new ArrayList<>();
        int from = open + 1;
        commas.add(i);
        for (int comma : commas) {
          expanded.addAll(expand(glob.substring(0, open) + glob.substring(from, comma) + glob.substring(i + 1)));
          from = comma + 1;
        }
        return expanded;
      }
    }
    return List.of(glob);
  }

  /** A path the glob is likely to match: wildcards filled with a few letters. It may not be a real path. */
  static String samplePath(String glob, Random random) {
    List<String> alternatives = expand(glob);
    List<String> segments = segments(alternatives.get(random.nextInt(alternatives.size())));
    List<String> path = new ArrayList<>();
    for (String segment : segments) {
      if (segment.equals("**")) {
        for (int n = random.nextInt(3); n > 0; n--) {
          path.add(letters(1 + random.nextInt(2), random));
        }
      } else {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < segment.length(); i++) {
          char c = segment.charAt(i);
          if (c == '\\') {
            text.append(segment.charAt(++i));
          } else if (c == '*') {
            text.append(letters(random.nextInt(3), random));
          } else if (c == '?') {
            text.append(letters(1, random));
          } else {
            text.append(c);
          }
        }
        path.add(text.toString());
      }
    }
    return String.join("/", path);
  }

  /** A path a repository can have: no empty, "." or ".." segment. */
  static boolean isRealPath(String path) {
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /** Splits at each unescaped '/'; a trailing '/' stands for a final "**". */
  static List<String> segments(String alternative) {
    List<String> segments = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < alternative.length(); i++) {
      char c = alternative.charAt(i);
      if (c == '\\') {
        current.append(c).append(alternative.charAt(++i));
      } else if (c == '/') {
        segments.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    segments.add(current.toString());
    if (segments.size() > 1 && segments.get(segments.size() - 1).isEmpty()) {
      segments.set(segments.size() - 1, "**");
    }
    return segments;
  }

  private static boolean matchesSegments(List<String> pattern, int p, List<String> path, int s) {
    if (p == pattern.size()) {
      return s == path.size();
    }
    if (pattern.get(p).equals("**")) {
      if (p == pattern.size() - 1) {
        return s < path.size();
      }
      for (int skip = s; skip <= path.size(); skip++) {
        if (matchesSegments(pattern, p + 1, path, skip)) {
          return true;
        }
      }
      return false;
    }
    return s < path.size()
        && matchesSegment(pattern.get(p), 0, path.get(s), 0)
        && matchesSegments(pattern, p + 1, path, s + 1);
  }

  private static boolean matchesSegment(String pattern, int p, String name, int n) {
    if (p == pattern.length()) {
      return n == name.length();
    }
    char c = pattern.charAt(p);
    if (c == '*') {
      for (int rest = n; rest <= name.length(); rest++) {
        if (matchesSegment(pattern, p + 1, name, rest)) {
          return true;
        }
      }
      return false;
    }
    if (c == '?') {
      return n < name.length() && matchesSegment(pattern, p + 1, name, n + 1);
    }
    if (c == '\\') {
      c = pattern.charAt(++p);
    }
    return n < name.length() && name.charAt(n) == c && matchesSegment(pattern, p + 1, name, n + 1);
  }

  private static String letters(int count, Random random) {
    StringBuilder letters = new StringBuilder();
    for (int i = 0; i < count; i++) {
      letters.append(random.nextBoolean() ? 'a' : 'b');
    }
    return letters.toString();
  }
}
