package dev.workstreams.core.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ActionsPermissionNoticeTest {

  @Test
  void pointsAUserAccountAtItsOwnInstallationSettings() {
    assertEquals("https://github.com/settings/installations/957387",
        ActionsPermissionNotice.settingsPage("https://github.com", "Codertocat", false, 957387));
  }

  @Test
  void pointsAnOrganizationAtTheOrganizationsInstallationSettingsOnTheConfiguredHost() {
    assertEquals("https://github.example.com/organizations/octo-org/settings/installations/7",
        ActionsPermissionNotice.settingsPage("https://github.example.com/", "octo-org", true, 7));
  }

  @Test
  void putsNoOrganizationNameThatIsNotAGitHubNameIntoTheAddress() {
    assertEquals("https://github.com/settings/installations/7",
        ActionsPermissionNotice.settingsPage("https://github.com", "evil/../../x?y", true, 7));
    assertEquals("https://github.com/settings/installations/7",
        ActionsPermissionNotice.settingsPage("https://github.com", "a".repeat(40), true, 7));
  }

  @Test
  void theWaitingNoticeNamesThePermissionWhyAndWhereWithTheWaitingTasks() {
    String page = "https://github.com/organizations/octo/settings/installations/7";
    assertEquals("<!-- workstreams:actions-permission -->\n"
        + "**Agents are waiting for a permission.** This plan's agents run on GitHub Actions, and GitHub refused to "
        + "start the repository's agent workflow: this installation of the App has not accepted the `actions: write` "
        + "permission yet. The App needs it to dispatch the agent workflow and to cancel its runs, and it reads the runs, "
        + "their artifacts (the agent's commits) and their logs with it.\n\n"
        + "An owner of octo can review and accept the new permissions on the installation's settings page: " + page + "\n\n"
        + "Waiting, not failed: `a`, `b`. Nothing is tried again until then; once the permission is accepted, the App "
        + "dispatches them and edits this comment.\n",
        ActionsPermissionNotice.waiting(page, "octo", List.of("a", "b")));
  }

  @Test
  void anAccountNameCannotMentionAnyoneOrCarryAMarker() {
    String notice = ActionsPermissionNotice.waiting("https://github.com/settings/installations/7", "@team <!-- x -->",
        List.of("a"));
    assertFalse(notice.contains("@team"), notice);
    assertEquals(1, notice.split("<!--", -1).length - 1, "only the App's own marker: " + notice);
  }

  @Test
  void onceTheWaitingTasksWereCancelledTheNoticeSaysNoneWaitsButThePermissionIsStillNeeded() {
    assertEquals("<!-- workstreams:actions-permission -->\n"
        + "No agent of this plan waits for the `actions: write` permission any more: those that did were cancelled. "
        + "Agents on GitHub Actions still need it; an owner of octo can accept it on the installation's settings page: "
        + "https://github.com/settings/installations/7\n",
        ActionsPermissionNotice.noneWaiting("https://github.com/settings/installations/7", "octo"));
  }

  @Test
  void theAcceptedNoticeSaysTheWorkResumedWithTheSameMarker() {
    String notice = ActionsPermissionNotice.accepted(List.of("a", "b"));
    assertTrue(notice.startsWith("<!-- workstreams:actions-permission -->\n"), notice);
    assertEquals("<!-- workstreams:actions-permission -->\n**The `actions: write` permission was accepted** and the work "
        + "resumed: the agents that waited for it were dispatched to GitHub Actions (`a`, `b`).\n", notice);
  }
}
