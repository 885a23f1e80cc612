package dev.workstreams.port;

/** A repository as the App reaches it: through one installation. */
public record RepositoryId(long installationId, String owner, String name) {

  public String fullName() {
    return owner + "/" + name;
  }

  /** From {@code owner/name}; the caller has the installation from the webhook payload. */
  public static RepositoryId of(long installationId, String fullName) {
    int slash = fullName.indexOf('/');
    if (slash <= 0 || slash == fullName.length() - 1 || fullName.indexOf('/', slash + 1) >= 0) {
      throw new IllegalArgumentException("not an owner/name repository name: " + fullName);
    }
    return new RepositoryId(installationId, fullName.substring(0, slash), fullName.substring(slash + 1));
  }

  @Override
  public String toString() {
    return fullName();
  }
}
