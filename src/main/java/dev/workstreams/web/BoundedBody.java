package dev.workstreams.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import javax.crypto.Mac;

/**
 * Reads a request body once, chunk by chunk, feeding every chunk to the signature's HMAC as it
 * arrives, and keeping the bytes only while its {@link BodyBudget.Reservation} has room: the
 * signature of a body that is not kept is still decided over all of it. A body that turns out
 * larger than the limit (a chunked one has no length to check up front) is refused after
 * {@code limit + 1} bytes, never read whole.
 */
final class BoundedBody {
  private static final int CHUNK = 64 * 1024;

  private BoundedBody() {}

  /** What reading gave. */
  sealed interface Outcome {
    /** Over the limit: neither kept nor signed. */
    record TooLarge() implements Outcome {}

    /** The connection ended before the declared length. */
    record Truncated() implements Outcome {}

    /** All of it was read: its HMAC, and the bytes when there was room to keep them. */
    record Read(Optional<byte[]> body, byte[] digest) implements Outcome {}
  }

  /**
   * @param declaredLength the Content-Length, already checked against the limit, or -1 (chunked)
   * @param mac a fresh HMAC, updated with every byte read
   */
  static Outcome read(InputStream in, long declaredLength, long limit, Mac mac, BodyBudget.Reservation room)
      throws IOException {
    if (declaredLength >= 0 && room.keeping()) {
      return readDeclared(in, (int) declaredLength, mac);
    }
    ByteArrayOutputStream copy = room.keeping() ? new ByteArrayOutputStream(CHUNK) : null;
    byte[] chunk = new byte[CHUNK];
    long total = 0;
    int read;
    while ((read = in.read(chunk)) != -1) {
      total += read;
      if (total > limit) {
        return new Outcome.TooLarge();
      }
      mac.update(chunk, 0, read);
      if (copy != null && room.grow(read)) {
        copy.write(chunk, 0, read);
      } else {
        copy = null;
      }
    }
    if (declaredLength >= 0 && total < declaredLength) {
      return new Outcome.Truncated();
    }
    return new Outcome.Read(Optional.ofNullable(copy).map(ByteArrayOutputStream::toByteArray), mac.doFinal());
  }

  /** Straight into an array of the declared size: no growing buffer, no copy at the end. */
  private static Outcome readDeclared(InputStream in, int length, Mac mac) throws IOException {
    byte[] body = new byte[length];
    int offset = 0;
    while (offset < length) {
      int read = in.read(body, offset, Math.min(CHUNK, length - offset));
      if (read == -1) {
        return new Outcome.Truncated();
      }
      mac.update(body, offset, read);
      offset += read;
    }
    return new Outcome.Read(Optional.of(body), mac.doFinal());
  }
}
