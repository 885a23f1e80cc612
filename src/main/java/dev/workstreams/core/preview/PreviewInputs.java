package dev.workstreams.core.preview;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a preview was built from: the base commit and each ready workstream's commit, in merge
 * order. Written into the preview pull request's body as a hidden line, so that after a restart,
 * a redelivery or a lost database the App reads from GitHub whether the preview is current and
 * rebuilds it only when its inputs changed.
 */
public final class PreviewInputs {

  private static final Pattern LINE = Pattern.compile("<!-- workstreams:preview-inputs ([0-9a-z]{1,64}(?:;[a-z0-9-]{1,40}@[0-9a-z]{1,64}){0,50}) -->");

  private PreviewInputs() {}

  /** {@code <base sha>;<task>@<sha>;…} with the tips in merge order, then task id. */
  public static String key(String baseSha, List<Tip> ready) {
    StringBuilder key = new StringBuilder(baseSha);
    for (Tip tip : Radar.sorted(ready)) {
      key.append(';').append(tip.taskId()).append('@').append(tip.sha());
    }
    return key.toString();
  }

  public static String line(String key) {
    return "<!-- workstreams:preview-inputs " + key + " -->";
  }

  /** The inputs recorded in a preview pull request's body; empty when it has none (or a malformed one). */
  public static Optional<String> of(String body) {
    Matcher m = LINE.matcher(body == null ? "" : body);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
