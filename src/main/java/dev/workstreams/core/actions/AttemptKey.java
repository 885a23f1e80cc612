package dev.workstreams.core.actions;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names one agent attempt of one task on Actions, the same on every App instance: the dispatch's
 * input, the run's title ({@code run-name}), and the artifact's name carry it, so that a finished run
 * and its artifact are matched to the attempt without trusting anything else the run says.
 */
public record AttemptKey(int issue, String taskId, int attempt) {

  /** The artifact the shipped action uploads: {@code workstreams-<key>}. */
  public static final String ARTIFACT_PREFIX = "workstreams-";
  private static final Pattern TASK = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
  private static final Pattern TEXT = Pattern.compile("([1-9][0-9]{0,9})-([a-z0-9][a-z0-9-]{0,39})-a([1-9][0-9]{0,5})");
  private static final Pattern IN_TITLE = Pattern.compile("(?:^|\\s)workstreams ([0-9a-z-]{1,80})(?:\\s|$)");

  public AttemptKey {
    if (issue < 1 || attempt < 1 || !TASK.matcher(taskId).matches()) {
      throw new IllegalArgumentException("not an attempt: issue " + issue + ", task " + taskId + ", attempt " + attempt);
    }
  }

  /** {@code <issue>-<task>-a<attempt>}, e.g. {@code 12-auth-a2}. */
  public String text() {
    return issue + "-" + taskId + "-a" + attempt;
  }

  public String artifactName() {
    return ARTIFACT_PREFIX + text();
  }

  /** The run title the example workflow sets: {@code workstreams <key>}. */
  public String runTitle() {
    return "workstreams " + text();
  }

  /** The key written as {@link #text()}; empty for anything else (the value comes from a run). */
  public static Optional<AttemptKey> parse(String text) {
    Matcher m = TEXT.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new AttemptKey(Integer.parseInt(m.group(1)), m.group(2), Integer.parseInt(m.group(3))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The key in a run's title ({@code display_title}), as the example workflow writes it. */
  public static Optional<AttemptKey> inRunTitle(String title) {
    Matcher m = IN_TITLE.matcher(title);
    return m.find() ? parse(m.group(1)) : Optional.empty();
  }

  /** Whether an artifact of a run is this attempt's (a run may upload others). */
  public boolean ownsArtifact(String artifactName) {
    return artifactName.equals(artifactName());
  }
}
