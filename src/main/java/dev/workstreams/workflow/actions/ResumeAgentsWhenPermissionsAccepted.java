package dev.workstreams.workflow.actions;

import dev.workstreams.port.ActionsPermission;
import dev.workstreams.workflow.EventContext;
import dev.workstreams.workflow.EventHandler;

/**
 * {@code installation.new_permissions_accepted}: an owner accepted the App's new permissions (GitHub sends this event
 * to every App, subscribed or not). The agents of that installation that waited for the Actions permission are
 * dispatched again. A delivery without an installation id says nothing about whom to resume.
 */
public final class ResumeAgentsWhenPermissionsAccepted implements EventHandler {

  private final ActionsPermission permission;

  public ResumeAgentsWhenPermissionsAccepted(ActionsPermission permission) {
    this.permission = permission;
  }

  @Override
  public void handle(EventContext context) {
    context.installationId().ifPresent(permission::accepted);
  }
}
