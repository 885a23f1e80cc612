package dev.workstreams.workflow;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.OptionalLong;

/**
 * What a delivery is about, when deliveries about it must not be handled at the same time: one
 * issue or pull request, written {@code owner/repo#123}. Issues and pull requests share one number
 * space in a repository, so they share the key form too. The number comes from the payload's
 * {@code issue.number}, else {@code pull_request.number}, else {@code number}; a delivery with
 * none of them (push, installation, ping…) has no subject and is never held back.
 */
public final class Subject {
  private Subject() {}

  private static final Pattern WORKSTREAM_BRANCH = Pattern.compile("workstreams/(\\d{1,9})-[a-z0-9][a-z0-9-]{0,39}");

  /** The plan issue of a workstream branch {@code workstreams/<issue>-<task>}, if it is one. */
  public static OptionalLong planIssueOfBranch(String branch) {
    Matcher m = WORKSTREAM_BRANCH.matcher(branch);
    return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }

  public static Optional<String> of(Optional<String> repositoryFullName, OptionalLong number) {
    if (repositoryFullName.isEmpty() || number.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(repositoryFullName.get() + "#" + number.getAsLong());
  }
}
