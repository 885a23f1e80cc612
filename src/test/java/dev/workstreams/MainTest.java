package dev.workstreams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void keepsThePlanCommandAndOffersServe() {
    assertEquals(0, Main.run("plan", "--help"));
    assertEquals(0, Main.run("serve", "--help"));
    assertEquals(0, Main.run("--help"));
  }
}
