package dev.workstreams.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads a request body up to a limit and stops there: a body that turns out larger (a chunked one
 * has no length to check up front) is refused after {@code limit + 1} bytes, never buffered whole.
 */
final class BoundedBody {
  private BoundedBody() {}

  /**
   * @param declaredLength the Content-Length, already checked against the limit, or -1 (chunked)
   * @return the body, or empty when it passed the limit
   */
  static Optional<byte[]> read(InputStream in, long declaredLength, long limit) throws IOException {
    if (declaredLength >= 0) {
      byte[] body = in.readNBytes((int) declaredLength);
      return Optional.of(body);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    byte[] chunk = new byte[16 * 1024];
    long total = 0;
    int read;
    while ((read = in.read(chunk)) != -1) {
      total += read;
      if (total > limit) {
        return Optional.empty();
      }
      out.write(chunk, 0, read);
    }
    return Optional.of(out.toByteArray());
  }
}
