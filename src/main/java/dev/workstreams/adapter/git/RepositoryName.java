package dev.workstreams.adapter.git;

import java.util.regex.Pattern;

/**
 * A GitHub repository, {@code owner/name}. Both parts become folder names under {@code DATA_DIR},
 * so they are checked here: nothing that could climb out of the data folder gets through.
 */
public record RepositoryName(String owner, String name) {

  private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  public RepositoryName {
    if (owner == null || !OWNER.matcher(owner).matches()) {
      throw new IllegalArgumentException("not a GitHub owner name: " + owner);
    }
    if (name == null || !NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("not a GitHub repository name: " + name);
    }
  }

  /** Parses {@code owner/name}. */
  public static RepositoryName parse(String fullName) {
    int slash = fullName.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("expected owner/name, got: " + fullName);
    }
    return new RepositoryName(fullName.substring(0, slash), fullName.substring(slash + 1));
  }

  @Override
  public String toString() {
    return owner + "/" + name;
  }
}
