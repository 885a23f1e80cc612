package dev.workstreams.adapter.github.gateway;

import dev.workstreams.adapter.github.GitHubClients;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Downloads GitHub answers with a redirect to short-lived storage elsewhere (artifacts, job logs):
 * the API is asked with the installation's token, the storage address is followed once without it
 * (it must never see the token), and what comes back is bounded, since its size is someone else's.
 */
public final class RedirectedDownloads {

  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  /** A longer log line is cut: the prompt quotes lines, it does not need a megabyte of one. */
  private static final int MAX_LINE_CHARS = 2_000;

  private final GitHubClients clients;
  private final HttpClient http;

  public RedirectedDownloads(GitHubClients clients) {
    this(clients, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(20)).build());
  }

  public RedirectedDownloads(GitHubClients clients, HttpClient http) {
    this.clients = clients;
    this.http = http;
  }

  /** Streams the download of the API {@code path} to {@code target}; longer than {@code maxBytes}: deleted, {@link TooLarge}. */
  public void toFile(long installationId, String path, long maxBytes, Path target) throws IOException {
    HttpResponse<InputStream> answer = open(installationId, path);
    try (InputStream body = answer.body()) {
      if (answer.headers().firstValueAsLong("Content-Length").orElse(0) > maxBytes) {
        throw new TooLarge(path, maxBytes);
      }
      try (OutputStream out = Files.newOutputStream(target)) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
          total += n;
          if (total > maxBytes) {
            throw new TooLarge(path, maxBytes);
          }
          out.write(buffer, 0, n);
        }
      }
    } catch (TooLarge e) {
      Files.deleteIfExists(target);
      throw e;
    }
  }

  /**
   * The last {@code lines} lines of the text download of {@code path}, reading at most {@code maxBytes}
   * of it (a longer one is read up to there and says so in its last line); nothing is kept on disk.
   */
  public List<String> lastLines(long installationId, String path, int lines, long maxBytes) throws IOException {
    HttpResponse<InputStream> answer = open(installationId, path);
    ArrayDeque<String> tail = new ArrayDeque<>(lines + 1);
    try (InputStream body = new BoundedInputStream(answer.body(), maxBytes);
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        tail.addLast(line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) + " …" : line);
        if (tail.size() > lines) {
          tail.removeFirst();
        }
      }
      if (((BoundedInputStream) body).cut()) {
        tail.addLast("(the log goes on past " + maxBytes + " bytes; these are the last lines read)");
        if (tail.size() > lines) {
          tail.removeFirst();
        }
      }
    }
    return List.copyOf(tail);
  }

  private HttpResponse<InputStream> open(long installationId, String path) throws IOException {
    URI api = clients.endpoints().rest(path);
    HttpResponse<InputStream> answer = send(HttpRequest.newBuilder(api)
        .header("Authorization", "token " + clients.installationToken(installationId))
        .header("Accept", "application/vnd.github+json").timeout(TIMEOUT).GET().build());
    if (answer.statusCode() == 302 || answer.statusCode() == 307) {
      answer.body().close();
      URI storage = api.resolve(answer.headers().firstValue("Location")
          .orElseThrow(() -> new IOException("GitHub redirected the download of " + path + " nowhere")));
      if (!storage.getScheme().equals("https") && !storage.getScheme().equals("http")) {
        throw new IOException("GitHub redirected the download of " + path + " to a " + storage.getScheme() + " address");
      }
      answer = send(HttpRequest.newBuilder(storage).timeout(TIMEOUT).GET().build());
    }
    if (answer.statusCode() != 200) {
      answer.body().close();
      throw new IOException("downloading " + path + " answered " + answer.statusCode());
    }
    return answer;
  }

  private HttpResponse<InputStream> send(HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while downloading from GitHub", e);
    }
  }

  /** A download longer than its bound: stopped there, the partial file deleted. */
  public static final class TooLarge extends IOException {
    TooLarge(String path, long maxBytes) {
      super("the download of " + path + " is longer than " + maxBytes + " bytes");
    }
  }

  /** Ends the stream after {@code limit} bytes and remembers that it did. */
  private static final class BoundedInputStream extends InputStream {
    private final InputStream in;
    private long left;
    private boolean cut;

    BoundedInputStream(InputStream in, long limit) {
      this.in = in;
      this.left = limit;
    }

    boolean cut() {
      return cut;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (left <= 0) {
        cut = cut || in.read() >= 0;
        return -1;
      }
      int n = in.read(buffer, offset, (int) Math.min(length, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
