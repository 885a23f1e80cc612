package dev.workstreams.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Real GitHub webhook payloads, copied from shared/fixtures into src/test/resources/webhooks. */
public final class Fixtures {
  private Fixtures() {}

  public static byte[] webhook(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/webhooks/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture webhooks/" + name + ".json");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
