package dev.workstreams.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.workstreams.WorkstreamsServer;
import dev.workstreams.testing.TestServers;
import dev.workstreams.workflow.EventRouter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bodies over 25 MB are refused with 413 without the server taking them in whole: a declared
 * length is refused before a byte of the body is sent; a chunked body is cut off once it passes
 * the limit. Raw sockets, because an HTTP client would insist on sending the whole body first.
 */
class OversizedDeliveryIT {
  private static final long OVER_LIMIT = 27_000_000;
  @TempDir static Path dataDir;
  private static WorkstreamsServer server;

  @BeforeAll
  static void start() {
    server = TestServers.start(TestServers.environment(dataDir, TestServers.newSecret()), new EventRouter());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void refusesADeclaredOversizedBodyBeforeItIsSent() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(headers("Content-Length: " + OVER_LIMIT));
      out.flush();

      String status = statusLine(socket.getInputStream());

      assertTrue(status.startsWith("HTTP/1.1 413"), status);
    }
  }

  @Test
  void cutsOffAChunkedBodyOnceItPassesTheLimit() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(headers("Transfer-Encoding: chunked"));
      byte[] chunk = new byte[1 << 20];
      Arrays.fill(chunk, (byte) ' ');
      byte[] chunkHeader = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      long sent = 0;
      try {
        while (sent < OVER_LIMIT) {
          out.write(chunkHeader);
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          sent += chunk.length;
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException closedByServer) {
        // The server may stop reading and close once it has answered; its answer is still there to read.
      }

      String status = statusLine(socket.getInputStream());

      assertTrue(status.startsWith("HTTP/1.1 413"), status);
    }
  }

  private static byte[] headers(String lengthHeader) {
    return ("POST /api/github/webhooks HTTP/1.1\r\n"
        + "Host: 127.0.0.1\r\n"
        + "Content-Type: application/json\r\n"
        + "X-GitHub-Event: issues\r\n"
        + "X-GitHub-Delivery: oversized\r\n"
        + "X-Hub-Signature-256: sha256=" + "0".repeat(64) + "\r\n"
        + lengthHeader + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  private static String statusLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      line.append((char) c);
    }
    return line.toString().trim();
  }
}
