package dev.workstreams.core.followthrough;

/**
 * How comments show a time budget or the agent time used: {@code 2h}, {@code 1h 5m}, {@code 42m},
 * {@code 30s}. Budgets are read with {@link dev.workstreams.core.schedule.WorkDuration#parse}.
 */
public final class BudgetText {

  private BudgetText() {}

  public static String show(long seconds) {
    long minutes = seconds / 60;
    if (minutes == 0) {
      return seconds + "s";
    }
    return minutes >= 60 ? (minutes / 60) + "h" + (minutes % 60 == 0 ? "" : " " + (minutes % 60) + "m") : minutes + "m";
  }
}
