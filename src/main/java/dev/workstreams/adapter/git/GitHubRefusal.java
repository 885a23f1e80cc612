package dev.workstreams.adapter.git;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the reason GitHub gives for refusing a push. The one it gives an App that lacks the
 * {@code workflows} permission, in the ref status or in the remote's messages:
 * {@code refusing to allow a GitHub App to create or update workflow `.github/workflows/ci.yml`
 * without `workflows` permission}. It names only the first such file of the push.
 */
final class GitHubRefusal {

  // The path is the remote's text: bounded and free of backquotes and line breaks before it is shown.
  private static final Pattern MISSING_PERMISSION = Pattern.compile(
      "refusing to allow a GitHub App to create or update workflow `([^`\\r\\n]{1,400})` without `([a-z_]{1,40})` permission");

  private GitHubRefusal() {}

  /** The refusal as a missing permission, when that is what the remote said. */
  static Optional<PushOutcome.MissingPermission> missingPermission(String reason) {
    Matcher m = MISSING_PERMISSION.matcher(reason);
    return m.find() ? Optional.of(new PushOutcome.MissingPermission(m.group(2), m.group(1), reason)) : Optional.empty();
  }
}
