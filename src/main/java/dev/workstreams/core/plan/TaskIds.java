package dev.workstreams.core.plan;

import java.util.regex.Pattern;

/**
 * The one rule for task ids ({@code ^[a-z0-9][a-z0-9-]{0,39}$}, DESIGN.md): the plan validates it,
 * and branch names, markers, commands, working copies and agent runs rely on it.
 */
public final class TaskIds {

  /** The id without anchors, for patterns that embed it. */
  public static final String REGEX = "[a-z0-9][a-z0-9-]{0,39}";
  private static final Pattern ID = Pattern.compile(REGEX);

  private TaskIds() {}

  public static boolean valid(String id) {
    return id != null && ID.matcher(id).matches();
  }
}
