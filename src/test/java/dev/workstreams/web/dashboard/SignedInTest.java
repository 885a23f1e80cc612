package dev.workstreams.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import org.junit.jupiter.api.Test;

class SignedInTest {

  @Test
  void cookiesAreHttpOnlyAndLaxAndSecureBehindHttps() {
    assertEquals("ws_session=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure",
        new SignedIn(null, null, Clock.systemUTC(), true).cookie("ws_session", "abc", "/", 60));
    assertEquals("ws_session=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Lax",
        new SignedIn(null, null, Clock.systemUTC(), false).cookie("ws_session", "abc", "/", 60));
  }
}
