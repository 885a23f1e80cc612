package dev.workstreams.adapter.github.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The App's identity: its id and private key. {@link #toString()} never shows the key.
 *
 * @param appId      the App id GitHub shows on the App's settings page
 * @param privateKey the key whose public half GitHub holds, to sign App JWTs
 */
public record AppCredentials(long appId, PrivateKey privateKey) {

  public AppCredentials {
    if (appId <= 0) {
      throw new IllegalArgumentException("the App id must be a positive number, got " + appId);
    }
    Objects.requireNonNull(privateKey, "privateKey");
  }

  /** From an id and PEM text (PKCS#1 or PKCS#8; literal {@code \n} allowed). */
  public static AppCredentials of(long appId, String pem) {
    return new AppCredentials(appId, PrivateKeys.fromPem(pem));
  }

  /**
   * From {@code APP_ID} and {@code PRIVATE_KEY} or, when that is unset, the file at
   * {@code PRIVATE_KEY_PATH} (Probot's names and precedence).
   *
   * @return empty when {@code APP_ID} is unset: the server then runs in setup mode
   * @throws IllegalArgumentException when the variables are set but unusable; the message names
   *     the variable and never contains the key
   */
  public static Optional<AppCredentials> fromEnvironment(Map<String, String> env) {
    String appId = env.getOrDefault("APP_ID", "").strip();
    if (appId.isEmpty()) {
      return Optional.empty();
    }
    long id;
    try {
      id = Long.parseLong(appId);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("APP_ID must be the App's numeric id, got " + appId);
    }
    return Optional.of(of(id, pem(env)));
  }

  private static String pem(Map<String, String> env) {
    String inline = env.getOrDefault("PRIVATE_KEY", "");
    if (!inline.isBlank()) {
      return inline;
    }
    String path = env.getOrDefault("PRIVATE_KEY_PATH", "").strip();
    if (path.isEmpty()) {
      throw new IllegalArgumentException("APP_ID is set, but neither PRIVATE_KEY nor PRIVATE_KEY_PATH is");
    }
    try {
      return Files.readString(Path.of(path));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("PRIVATE_KEY_PATH " + path + " cannot be read ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  @Override
  public String toString() {
    return "AppCredentials[appId=" + appId + ", privateKey=(hidden)]";
  }
}
