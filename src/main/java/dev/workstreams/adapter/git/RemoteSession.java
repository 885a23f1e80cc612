package dev.workstreams.adapter.git;

import java.util.Optional;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/** A remote with its token resolved for the length of one operation. */
record RemoteSession(String url, Optional<String> token) {

  CredentialsProvider credentialsProvider() {
    return token.<CredentialsProvider>map(t -> new UsernamePasswordCredentialsProvider("x-access-token", t))
        .orElse(null);
  }

  /** Removes the token from a message before it goes into a result, an exception or a log. */
  String redact(String message) {
    if (message == null) {
      return "";
    }
    return token.map(t -> message.replace(t, "***")).orElse(message);
  }

  @Override
  public String toString() {
    return url;
  }
}
