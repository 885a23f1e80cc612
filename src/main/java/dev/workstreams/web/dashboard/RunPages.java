package dev.workstreams.web.dashboard;

import static dev.workstreams.core.dashboard.Markup.escape;

import dev.workstreams.adapter.agent.Redactor;
import dev.workstreams.adapter.agent.RunLogs;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * An agent run's page and its live log: server-sent events, one per line, whose id is the line's
 * number, so a browser that reconnects (sending {@code Last-Event-ID}) gets only the lines after it.
 * When the run has ended and every line is out, an {@code end} event carries the outcome.
 */
final class RunPages {

  /** How often a followed log is looked at: well inside the half second a line may take to reach the browser. */
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
  private static final Duration RECHECK_RUNNING = Duration.ofSeconds(1);

  private RunPages() {}

  static String page(String repository, int issue, String taskId, List<String> runs, String run, String state) {
    String base = "/runs/" + escape(repository) + "/" + issue + "/" + escape(taskId);
    StringBuilder b = new StringBuilder("<h1>Agent run: ").append(escape(taskId)).append("</h1><p><a href=\"/plans/")
        .append(escape(repository)).append('/').append(issue).append("\">").append(escape(repository)).append(" #").append(issue)
        .append("</a> · workstream ").append(escape(state)).append("</p>");
    if (runs.isEmpty()) {
      return b.append("<p>No agent run has started for this task yet.</p>").toString();
    }
    b.append("<nav aria-label=\"Runs\"><ul>");
    for (String r : runs) {
      b.append("<li>").append(r.equals(run) ? "<strong>" + escape(r) + "</strong> (shown)"
          : "<a href=\"" + base + "?run=" + escape(r) + "\">" + escape(r) + "</a>").append("</li>");
    }
    b.append("</ul></nav><h2>Log <span class=\"muted\" id=\"status\" role=\"status\">live</span></h2>")
        .append("<p id=\"outcome\" role=\"status\"></p><pre class=\"log\" id=\"log\" data-source=\"").append(base)
        .append("/events?run=").append(escape(run)).append("\" aria-live=\"polite\"></pre>")
        // The only script: text nodes, never HTML, so a log line cannot become markup.
        .append("<script>(function(){var log=document.getElementById('log');")
        .append("var src=new EventSource(log.dataset.source);")
        .append("src.onmessage=function(e){log.appendChild(document.createTextNode(e.data+'\\n'));};")
        .append("src.addEventListener('end',function(e){document.getElementById('outcome').textContent=e.data;")
        .append("document.getElementById('status').textContent='ended';src.close();});})();</script>");
    return b.toString();
  }

  /**
   * Streams the log until the run has ended and its last line is out, or the browser goes away.
   *
   * @param running whether the run may still write (the workstream's agent runs and this is its newest log)
   * @param outcome what the workstream says once the run has ended
   */
  static void stream(Context ctx, Path file, Redactor redactor, BooleanSupplier running, Supplier<String> outcome)
      throws IOException {
    int seen = lastEventId(ctx.header("Last-Event-ID")) + 1;
    ctx.res().setStatus(200);
    ctx.res().setContentType("text/event-stream; charset=utf-8");
    ctx.res().setHeader("Cache-Control", "no-store");
    ctx.res().setHeader("X-Accel-Buffering", "no");
    RunLogs.Follower follower = new RunLogs.Follower(file, redactor, seen);
    OutputStream out = ctx.res().getOutputStream();
    write(out, "retry: 1000\n\n");
    long lastWrite = System.nanoTime();
    long lastCheck = 0;
    boolean stillRunning = true;
    while (true) {
      List<String> lines = follower.read();
      send(out, follower, lines);
      if (!lines.isEmpty()) {
        lastWrite = System.nanoTime();
        continue;
      }
      if (System.nanoTime() - lastCheck > RECHECK_RUNNING.toNanos()) {
        lastCheck = System.nanoTime();
        stillRunning = running.getAsBoolean();
      }
      if (!stillRunning) {
        send(out, follower, follower.read());
        write(out, "event: end\ndata: " + outcome.get().replace("\n", " ").replace("\r", "") + "\n\n");
        return;
      }
      if (System.nanoTime() - lastWrite > KEEP_ALIVE.toNanos()) {
        write(out, ": still running\n\n");
        lastWrite = System.nanoTime();
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void send(OutputStream out, RunLogs.Follower follower, List<String> lines) throws IOException {
    int id = follower.nextLine() - lines.size();
    for (String line : lines) {
      write(out, "id: " + id++ + "\ndata: " + line.replace("\r", "") + "\n\n");
    }
  }

  private static int lastEventId(String header) {
    try {
      return header == null ? -1 : Integer.parseInt(header.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
