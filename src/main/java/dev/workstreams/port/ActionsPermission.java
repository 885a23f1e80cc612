package dev.workstreams.port;

/** Agents on GitHub Actions that wait for their installation to accept the Actions permission. */
public interface ActionsPermission {

  /**
   * The installation accepted the App's new permissions: its waiting agents are dispatched again, each once however
   * many instances and deliveries there are, and the plans' notices say so. One refused again keeps waiting.
   */
  void accepted(long installationId);
}
