package dev.workstreams.core.actions;

import dev.workstreams.core.reconcile.Markers;
import dev.workstreams.core.text.InertText;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one comment on a plan issue whose agents on GitHub Actions wait because the App's installation has not
 * accepted the {@code actions: write} permission (GitHub asks an owner to accept permissions an App adds later;
 * until then a dispatch answers 403): what is missing, why, and where an owner accepts it. Edited, not added to,
 * once the permission is accepted.
 */
public final class ActionsPermissionNotice {

  /** The permission the dispatch needs, as the App's manifest and GitHub's settings page name it. */
  public static final String PERMISSION = "actions: write";
  /** GitHub's rule for user and organization names (GitHub Enterprise Server's may carry {@code _}). */
  private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9_-]{0,38})");

  private ActionsPermissionNotice() {}

  /**
   * The installation's settings page, where an owner reviews and accepts the App's new permissions:
   * {@code {web}/settings/installations/{id}} for a user's account, {@code
   * {web}/organizations/{org}/settings/installations/{id}} for an organization's. An organization name that is not
   * a GitHub name (it came from a payload) is not put into the address: the user form is given instead, which shows
   * GitHub's own list of installations to the person who opens it.
   *
   * @param web the GitHub web address ({@code https://github.com}, or the Enterprise Server's)
   */
  public static String settingsPage(String web, String account, boolean organization, long installationId) {
    String base = web.replaceAll("/+$", "");
    if (organization && ACCOUNT.matcher(account).matches()) {
      return base + "/organizations/" + account + "/settings/installations/" + installationId;
    }
    return base + "/settings/installations/" + installationId;
  }

  /** The notice while {@code tasks} (ids of the plan's tasks) wait for the permission. */
  public static String waiting(String settingsPage, String account, List<String> tasks) {
    return Markers.ACTIONS_PERMISSION + "\n"
        + "**Agents are waiting for a permission.** This plan's agents run on GitHub Actions, and GitHub refused to "
        + "start the repository's agent workflow: this installation of the App has not accepted the `" + PERMISSION
        + "` permission yet. The App needs it to dispatch the agent workflow and to cancel its runs, and it reads "
        + "the runs, their artifacts (the agent's commits) and their logs with it.\n\n"
        + "An owner of " + InertText.text(account) + " can review and accept the new permissions on the installation's "
        + "settings page: " + settingsPage + "\n\n"
        + "Waiting, not failed: " + names(tasks) + ". Nothing is tried again until then; once the permission is "
        + "accepted, the App dispatches them and edits this comment.\n";
  }

  /** The notice once no task of the plan waits any more because those that did were cancelled. */
  public static String noneWaiting(String settingsPage, String account) {
    return Markers.ACTIONS_PERMISSION + "\n"
        + "No agent of this plan waits for the `" + PERMISSION + "` permission any more: those that did were "
        + "cancelled. Agents on GitHub Actions still need it; an owner of " + InertText.text(account) + " can accept it "
        + "on the installation's settings page: " + settingsPage + "\n";
  }

  /** The notice once the permission was accepted and {@code tasks} were dispatched again. */
  public static String accepted(List<String> tasks) {
    return Markers.ACTIONS_PERMISSION + "\n"
        + "**The `" + PERMISSION + "` permission was accepted** and the work resumed: the agents that waited for it were "
        + "dispatched to GitHub Actions (" + names(tasks) + ").\n";
  }

  private static String names(List<String> tasks) {
    return String.join(", ", tasks.stream().map(InertText::code).toList());
  }
}
