package dev.workstreams.adapter.github.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.Optional;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/** One exchange: GitHub's answer or the connection error, and whether to try again. */
record Attempt(GitHubConnectorResponse response, IOException error, Optional<Wait> retry) {

  /** {@code answered 502} or {@code could not be reached (ConnectException)}, for logs and errors. */
  String outcome() {
    return response != null
        ? "answered " + response.statusCode()
        : "could not be reached (" + error.getClass().getSimpleName() + ")";
  }

  /**
   * Whether the request may have reached GitHub: any answer did, and so may a connection that
   * broke or timed out after it was opened. Only a connection never made proves it did not.
   */
  boolean mayHaveReachedGitHub() {
    if (response != null) {
      return true;
    }
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
          || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException) {
        return false;
      }
    }
    return true;
  }

  /** Closes an answer that will not be handed on. */
  void discard() {
    if (response != null) {
      try {
        response.close();
      } catch (IOException ignored) {
        // The answer is dropped either way; a failed close cannot change the retry.
      }
    }
  }
}
