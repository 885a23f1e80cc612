package dev.workstreams.adapter.git;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves the bare repositories under a folder over smart HTTP with real git's {@code git
 * http-backend} (CGI), so that a push runs the repository's {@code pre-receive} hook, as a push to
 * GitHub meets GitHub's checks. JGit's own {@code file://} transport runs no hooks.
 */
final class SmartHttpGit implements AutoCloseable {

  private final Path root;
  private final HttpServer server;

  private SmartHttpGit(Path root) throws IOException {
    this.root = root;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::serve);
    server.start();
  }

  static SmartHttpGit serving(Path root) throws IOException {
    return new SmartHttpGit(root);
  }

  /** {@code http://127.0.0.1:PORT/<name>} for a bare repository {@code root/<name>}. */
  String url(String name) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
  }

  private void serve(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    ProcessBuilder cgi = new ProcessBuilder("git", "http-backend");
    Map<String, String> env = cgi.environment();
    env.put("GIT_PROJECT_ROOT", root.toAbsolutePath().toString());
    env.put("GIT_HTTP_EXPORT_ALL", "1");
    env.put("REMOTE_USER", "x-access-token");
    env.put("REMOTE_ADDR", "127.0.0.1");
    env.put("REQUEST_METHOD", exchange.getRequestMethod());
    env.put("PATH_INFO", exchange.getRequestURI().getRawPath());
    env.put("QUERY_STRING", exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery());
    env.put("CONTENT_LENGTH", Integer.toString(body.length));
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    env.put("CONTENT_TYPE", type == null ? "" : type);
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    if (encoding != null) {
      env.put("HTTP_CONTENT_ENCODING", encoding);
    }
    String protocol = exchange.getRequestHeaders().getFirst("Git-Protocol");
    if (protocol != null) {
      env.put("GIT_PROTOCOL", protocol);
    }
    cgi.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process = cgi.start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(body);
    }
    byte[] output;
    try (InputStream stdout = process.getInputStream()) {
      output = stdout.readAllBytes();
    }
    respond(exchange, output);
  }

  /** CGI output: header lines, an empty line, the body. */
  private static void respond(HttpExchange exchange, byte[] output) throws IOException {
    int split = indexOf(output, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    int skip = 4;
    if (split < 0) {
      split = indexOf(output, "\n\n".getBytes(StandardCharsets.US_ASCII));
      skip = 2;
    }
    String head = new String(output, 0, Math.max(split, 0), StandardCharsets.ISO_8859_1);
    int status = 200;
    for (String line : head.split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip();
      if (name.equalsIgnoreCase("Status")) {
        status = Integer.parseInt(value.split(" ")[0]);
      } else {
        exchange.getResponseHeaders().add(name, value);
      }
    }
    ByteArrayOutputStream rest = new ByteArrayOutputStream();
    rest.write(output, split + skip, output.length - split - skip);
    byte[] responseBody = rest.toByteArray();
    exchange.sendResponseHeaders(status, responseBody.length == 0 ? -1 : responseBody.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(responseBody);
    }
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= data.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
