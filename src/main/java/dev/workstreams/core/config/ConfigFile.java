package dev.workstreams.core.config;

import java.util.Collection;

/** Where the repository config lives, and when a push changes it. */
public final class ConfigFile {

  /** Path of the file in the repository, read from the default branch only. */
  public static final String PATH = ".github/workstreams.yml";

  private ConfigFile() {}

  /**
   * Whether a push changes the config the app uses: it must land on the default branch (the only
   * branch the config is read from, so a pull request's head can never loosen its own rules) and
   * add, modify or remove the file.
   *
   * @param ref           the push's {@code ref}, such as {@code refs/heads/main}
   * @param defaultBranch the repository's default branch name, such as {@code main}
   * @param changedPaths  every path the push's commits added, modified or removed
   */
  public static boolean touchesConfig(String ref, String defaultBranch, Collection<String> changedPaths) {
    return ref.equals("refs/heads/" + defaultBranch) && changedPaths.contains(PATH);
  }
}
