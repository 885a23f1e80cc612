package dev.workstreams.core.dashboard;

import dev.workstreams.core.schedule.WorkstreamState;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A plan's dependency graph as an inline SVG document, drawn from a {@link GraphLayout}: a box per
 * task filled by its state, its merge order in the corner, an arrow per dependency, the critical path
 * drawn thick. Each box carries a {@code <title>} (read by screen readers and shown on hover) so the
 * state is never told by colour alone.
 */
public final class DependencySvg {

  /** What a box says: the task's title and where its workstream stands. */
  public record Node(String title, WorkstreamState state) {}

  private static final int TITLE_CHARS = 22;
  /** What fits a box at 11 px: the whole text is in the box's title for the rest. */
  private static final int LABEL_CHARS = 26;

  private DependencySvg() {}

  public static String render(GraphLayout layout, Map<String, Node> nodes) {
    Map<String, GraphLayout.Box> byId = new HashMap<>();
    layout.boxes().forEach(b -> byId.put(b.taskId(), b));
    StringBuilder svg = new StringBuilder(512 + layout.boxes().size() * 400);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graph\" role=\"img\" aria-labelledby=\"graph-title\"")
        .append(" viewBox=\"0 0 ").append(layout.width()).append(' ').append(layout.height()).append('"')
        .append(" width=\"").append(layout.width()).append("\" height=\"").append(layout.height()).append("\">\n")
        .append("<title id=\"graph-title\">Dependency graph: ").append(layout.boxes().size())
        .append(" tasks, merge-order levels left to right</title>\n")
        .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\"")
        .append(" markerUnits=\"userSpaceOnUse\"")
        .append(" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#444\"/></marker></defs>\n");
    for (GraphLayout.Edge edge : layout.edges()) {
      GraphLayout.Box from = byId.get(edge.from());
      GraphLayout.Box to = byId.get(edge.to());
      int x1 = from.right();
      int y1 = from.y() + GraphLayout.BOX_HEIGHT / 2;
      int x2 = to.x();
      int y2 = to.y() + GraphLayout.BOX_HEIGHT / 2;
      int bend = (x1 + x2) / 2;
      svg.append("<path class=\"edge").append(edge.critical() ? " critical" : "").append("\" d=\"M").append(x1).append(',')
          .append(y1).append(" C").append(bend).append(',').append(y1).append(' ').append(bend).append(',').append(y2)
          .append(' ').append(x2).append(',').append(y2).append("\" fill=\"none\" stroke=\"")
          .append(edge.critical() ? "#7a1f1f" : "#666").append("\" stroke-width=\"").append(edge.critical() ? 3 : 1.5)
          .append("\" marker-end=\"url(#arrow)\"/>\n");
    }
    for (GraphLayout.Box box : layout.boxes()) {
      Node node = nodes.getOrDefault(box.taskId(), new Node("", WorkstreamState.PENDING));
      String id = Markup.escape(box.taskId());
      svg.append("<g class=\"task state-").append(cssName(node.state())).append(box.critical() ? " critical" : "")
          .append("\" data-task=\"").append(id).append("\" data-level=\"").append(box.level()).append("\">")
          .append("<title>").append(id).append(": ").append(Markup.escape(node.title())).append(" (")
          .append(node.state().text()).append(", merge order ").append(box.mergeOrder())
          .append(box.critical() ? ", on the critical path" : "").append(")</title>")
          .append("<rect x=\"").append(box.x()).append("\" y=\"").append(box.y()).append("\" width=\"")
          .append(GraphLayout.BOX_WIDTH).append("\" height=\"").append(GraphLayout.BOX_HEIGHT)
          .append("\" rx=\"6\" fill=\"").append(fill(node.state())).append("\" stroke=\"")
          .append(box.critical() ? "#7a1f1f" : "#333").append("\" stroke-width=\"").append(box.critical() ? 3 : 1).append("\"/>")
          .append(text(box.x() + 8, box.y() + 19, "id", Markup.escape(Markup.cut(box.taskId(), TITLE_CHARS - 4)), true))
          .append(text(box.right() - 8, box.y() + 19, "order", "#" + box.mergeOrder(), true))
          .append(text(box.x() + 8, box.y() + 38, "label",
              Markup.escape(Markup.cut(node.title() + " · " + node.state().text(), LABEL_CHARS)), false))
          .append("</g>\n");
    }
    return svg.append("</svg>").toString();
  }

  private static String text(int x, int y, String css, String content, boolean bold) {
    return "<text class=\"" + css + "\" x=\"" + x + "\" y=\"" + y + "\"" + (css.equals("order") ? " text-anchor=\"end\"" : "")
        + " font-size=\"" + (bold ? 13 : 11) + "\"" + (bold ? " font-weight=\"bold\"" : "") + " fill=\"#111\">" + content
        + "</text>";
  }

  public static String cssName(WorkstreamState state) {
    return state.name().toLowerCase(Locale.ROOT);
  }

  // Light fills, so the dark text keeps a contrast above 7:1 on every state.
  private static String fill(WorkstreamState state) {
    return switch (state) {
      case PENDING, WAITING -> "#eeeeee";
      case QUEUED -> "#e3ecf7";
      case RUNNING -> "#fff1c2";
      case PUSHED -> "#d9ecff";
      case FAILED, BLOCKED -> "#fbd5d5";
      case CANCELLED, CLOSED -> "#e0e0e0";
      case OPEN -> "#e8e2f7";
      case MERGED -> "#d4f0d4";
    };
  }
}
