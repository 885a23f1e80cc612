package dev.workstreams.adapter.github.gateway;

import java.io.IOException;

/** GitHub answered a call with an error the workflow cannot treat as success. */
public final class GitHubCallFailed extends IOException {

  private final int status;

  GitHubCallFailed(String method, String path, int status, String message) {
    super(method + " " + path + " answered " + status + ": " + message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
