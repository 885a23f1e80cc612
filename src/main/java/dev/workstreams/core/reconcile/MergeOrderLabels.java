package dev.workstreams.core.reconcile;

import java.util.Optional;

/** The labels the App puts on pull requests, with their colours and descriptions. */
public final class MergeOrderLabels {

  public static final String PREFIX = "merge-order:";
  public static final String REMOVED = "workstreams:removed";
  public static final String REMOVED_COLOR = "d93f0b";
  public static final String REMOVED_DESCRIPTION = "This workstream's task was removed from its plan";

  // Dark to light: the work others wait for stands out. Beyond the palette the last colour repeats.
  private static final String[] COLORS = {
    "0e8a16", "1d76db", "5319e7", "b60205", "d93f0b", "fbca04", "c5def5", "bfdadc", "d4c5f9", "e4e669"
  };

  private MergeOrderLabels() {}

  public static String name(int k) {
    return PREFIX + k;
  }

  public static String color(int k) {
    return COLORS[Math.min(k, COLORS.length) - 1];
  }

  public static String description(int k) {
    return k == 1
        ? "Merge first: no other workstream of its plan is needed before it"
        : "Merge after the workstreams labelled " + PREFIX + (k - 1);
  }

  public static boolean isMergeOrder(String label) {
    return label.startsWith(PREFIX);
  }

  public static Optional<Integer> order(String label) {
    if (!isMergeOrder(label)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(label.substring(PREFIX.length())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
