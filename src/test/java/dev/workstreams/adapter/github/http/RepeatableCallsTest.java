package dev.workstreams.adapter.github.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.MalformedURLException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class RepeatableCallsTest {

  private final RouteTemplates routes = new RouteTemplates("");

  private boolean mayRepeat(String method, String path) throws MalformedURLException {
    return RepeatableCalls.mayRepeat(method, routes.template(URI.create("https://api.github.com" + path).toURL()));
  }

  @Test
  void readsAndWritesGitHubKeysAreRepeatable() throws MalformedURLException {
    assertTrue(mayRepeat("GET", "/repos/o/r/issues/7/comments"));
    assertTrue(mayRepeat("PATCH", "/repos/o/r/issues/comments/12"));
    assertTrue(mayRepeat("PATCH", "/repos/o/r/check-runs/12"));
    assertTrue(mayRepeat("DELETE", "/repos/o/r/issues/7/labels/merge-order%3A1"));
    assertTrue(mayRepeat("POST", "/repos/o/r/git/refs"));
    assertTrue(mayRepeat("POST", "/repos/o/r/git/commits"));
    assertTrue(mayRepeat("POST", "/repos/o/r/pulls"));
    assertTrue(mayRepeat("POST", "/repos/o/r/labels"));
    assertTrue(mayRepeat("POST", "/repos/o/r/issues/7/labels"));
    assertTrue(mayRepeat("POST", "/app/installations/42/access_tokens"));
    assertTrue(mayRepeat("POST", "/graphql"));
  }

  @Test
  void creationsWithoutAKeyAreNot() throws MalformedURLException {
    assertFalse(mayRepeat("POST", "/repos/o/r/issues/7/comments"));
    assertFalse(mayRepeat("POST", "/repos/o/r/check-runs"));
    assertFalse(mayRepeat("POST", "/repos/o/r/pulls/7/reviews"));
    assertFalse(mayRepeat("POST", "/repos/o/r/actions/workflows/12/dispatches"));
    assertFalse(mayRepeat("POST", "/app/hook/deliveries/12/attempts"));
  }
}
