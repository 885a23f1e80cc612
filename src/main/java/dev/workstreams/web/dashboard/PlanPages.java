package dev.workstreams.web.dashboard;

import static dev.workstreams.core.dashboard.Markup.escape;

import dev.workstreams.adapter.dashboard.DashboardSession;
import dev.workstreams.adapter.dashboard.PlanRow;
import dev.workstreams.adapter.dashboard.TimelineEntry;
import dev.workstreams.core.dashboard.DependencySvg;
import dev.workstreams.core.dashboard.PlanStanding;
import dev.workstreams.core.schedule.PlanSchedule;
import dev.workstreams.core.schedule.WorkstreamState;
import dev.workstreams.port.PlanState;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The plans page and a plan's page, as HTML. */
final class PlanPages {

  private PlanPages() {}

  static String plans(DashboardSession session, List<PlanRow> rows, Instant now) {
    StringBuilder b = new StringBuilder("<h1>Plans</h1>");
    b.append("<p class=\"muted\">").append(session.repositories().size())
        .append(" repositories reachable through this App's installations; newest plan first.</p>");
    if (rows.isEmpty()) {
      return b.append("<p>No plans yet in the repositories you can reach.</p>").toString();
    }
    b.append("<div class=\"scroll\"><table><caption class=\"muted\">").append(rows.size()).append(" plans</caption><thead><tr>")
        .append("<th scope=\"col\">Plan</th><th scope=\"col\">State</th><th scope=\"col\">Merged</th>")
        .append("<th scope=\"col\">In flight</th><th scope=\"col\">Age</th><th scope=\"col\">Agent time</th></tr></thead><tbody>");
    for (PlanRow row : rows) {
      PlanStanding s = standing(row);
      b.append("<tr class=\"plan\"><td><a href=\"/plans/").append(escape(row.repository())).append('/').append(row.issue())
          .append("\">").append(escape(row.repository())).append(" #").append(row.issue()).append("</a></td><td>")
          .append(s.word().text()).append("</td><td>").append(s.merged()).append(" / ").append(s.total()).append("</td><td>")
          .append(s.inFlight()).append(" / ").append(s.maxParallel()).append("</td><td>")
          .append(Pages.duration(Duration.between(row.labelledAt(), now))).append("</td><td>")
          .append(row.agentTime().isZero() ? "none" : Pages.duration(row.agentTime())).append("</td></tr>");
    }
    return b.append("</tbody></table></div>").toString();
  }

  static PlanStanding standing(PlanRow row) {
    return PlanStanding.of(row.state() == PlanState.REJECTED, row.state() == PlanState.CANCELLED, row.counts(), row.maxParallel());
  }

  static String plan(DashboardSession session, PlanView view, Function<Integer, URI> pullRequestUrl, String notice) {
    StringBuilder b = new StringBuilder("<h1>").append(escape(view.repository())).append(" #").append(view.issue())
        .append("</h1>");
    if (!notice.isEmpty()) {
      b.append("<p class=\"notice\" role=\"status\">").append(escape(notice)).append("</p>");
    }
    PlanStanding s = view.standing();
    b.append("<p>").append(s.word().text()).append(": ").append(s.merged()).append(" of ").append(s.total())
        .append(" merged, ").append(s.inFlight()).append(" in flight of at most ").append(s.maxParallel())
        .append(", agent time ").append(view.agentTime().isZero() ? "none" : Pages.duration(view.agentTime())).append(".</p>");
    if (view.schedule().isEmpty()) {
      b.append("<p>This plan was not accepted: its problems are listed in the tracking comment on the issue.</p>");
    } else {
      analysis(b, view.schedule().get());
      b.append("<h2>Dependency graph</h2><div class=\"scroll\">").append(view.svg()).append("</div>");
      table(b, session, view, pullRequestUrl);
    }
    b.append("<h2>Preview and conflicts</h2>");
    if (view.integration().isBlank()) {
      b.append("<p class=\"muted\">None recorded for this plan.</p>");
    } else {
      // The tracking comment's own sections (Markdown the App wrote, naming branches and paths others chose): shown
      // as escaped text, never as markup.
      b.append("<pre class=\"scroll\">").append(escape(view.integration())).append("</pre>");
    }
    timeline(b, view.timeline());
    return b.toString();
  }

  private static void analysis(StringBuilder b, PlanSchedule schedule) {
    b.append("<h2>Analysis</h2><ul><li>").append(schedule.levels().size()).append(" merge-order levels; the widest holds ")
        .append(schedule.widestLevel()).append(" tasks.</li><li>Critical path: ")
        .append(escape(String.join(" → ", schedule.criticalPath()))).append(".</li><li>Expected speed-up with parallel sessions: ")
        .append(String.format(Locale.ROOT, "%.2f×", schedule.expectedSpeedup()))
        .append(schedule.mostlySequential() ? " (mostly sequential: parallel sessions barely help)" : "").append(".</li></ul>");
  }

  private static void table(StringBuilder b, DashboardSession session, PlanView view, Function<Integer, URI> pullRequestUrl) {
    b.append("<h2>Workstreams</h2><div class=\"scroll\"><table id=\"workstreams\"><thead><tr><th scope=\"col\">Order</th>")
        .append("<th scope=\"col\">Task</th><th scope=\"col\">State</th><th scope=\"col\">Queue or reason</th>")
        .append("<th scope=\"col\">Pull request</th><th scope=\"col\">Agent runs</th><th scope=\"col\">Agent time</th>")
        .append("<th scope=\"col\">Actions</th></tr></thead><tbody>");
    String base = "/plans/" + escape(view.repository()) + "/" + view.issue();
    for (PlanView.TaskView t : view.tasks()) {
      b.append("<tr data-task=\"").append(escape(t.id())).append("\" data-state=\"").append(DependencySvg.cssName(t.state()))
          .append("\"><td>").append(t.mergeOrder()).append("</td><td><strong>").append(escape(t.id())).append("</strong> ")
          .append(escape(t.title())).append("</td><td>").append(t.state().text()).append("</td><td>").append(escape(t.waiting()))
          .append("</td><td>");
      t.pullRequest().ifPresent(n -> b.append("<a href=\"").append(escape(pullRequestUrl.apply(n).toString())).append("\">#")
          .append(n).append("</a>"));
      b.append("</td><td>").append(t.runs()).append("</td><td>").append(t.agentTime().isZero() ? "" : Pages.duration(t.agentTime()))
          .append("</td><td>");
      if (t.hasLogs()) {
        b.append("<a href=\"/runs/").append(escape(view.repository())).append('/').append(view.issue()).append('/')
            .append(escape(t.id())).append("\">log</a> ");
      }
      if (t.state() != WorkstreamState.MERGED) {
        action(b, session, base, t.id(), "retry");
        action(b, session, base, t.id(), "cancel");
        if (t.pullRequest().isPresent()) {
          action(b, session, base, t.id(), "revise");
        }
      }
      b.append("</td></tr>");
    }
    b.append("</tbody></table></div>");
  }

  private static void action(StringBuilder b, DashboardSession session, String base, String task, String verb) {
    b.append("<form class=\"inline\" method=\"post\" action=\"").append(base).append("/tasks/").append(escape(task)).append('/')
        .append(verb).append("\"><input type=\"hidden\" name=\"csrf\" value=\"").append(escape(session.csrfToken()))
        .append("\"><button type=\"submit\" aria-label=\"").append(verb).append(' ').append(escape(task)).append("\">")
        .append(verb).append("</button></form> ");
  }

  private static void timeline(StringBuilder b, List<TimelineEntry> entries) {
    b.append("<h2>Timeline</h2><ol id=\"timeline\">");
    for (TimelineEntry e : entries) {
      b.append("<li><time datetime=\"").append(e.at()).append("\">").append(e.at().toString().replace('T', ' '))
          .append("</time> ").append(escape(e.text())).append("</li>");
    }
    b.append("</ol>");
  }
}
