package dev.workstreams.adapter.github.http;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a request URL into the route it belongs to, such as
 * {@code /repos/{owner}/{repo}/pulls/{number}}, so metrics and logs name routes, never owners,
 * branches or ids (which would also make metric cardinality unbounded).
 */
public final class RouteTemplates {

  private static final Pattern NUMBER = Pattern.compile("\\d+");
  private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}");
  private static final Set<String> NUMBERED = Set.of("issues", "pulls", "milestones");

  /** Segments after which everything else (slashes included) is one free-form value. */
  private static final Map<String, String> REST_OF_PATH = Map.of(
      "contents", "{path}", "branches", "{branch}", "compare", "{basehead}",
      "refs", "{ref}", "ref", "{ref}", "matching-refs", "{ref}");

  /** Segments followed by one free-form value. */
  private static final Map<String, String> NEXT_SEGMENT = Map.of(
      "commits", "{ref}", "labels", "{name}", "collaborators", "{username}", "users", "{username}", "orgs", "{org}",
      "app-manifests", "{code}", "installations", "{installation_id}");

  private final String apiBasePath;

  /** @param apiBasePath the API URL's path, {@code ""} on github.com, {@code /api/v3} on GitHub Enterprise */
  public RouteTemplates(String apiBasePath) {
    this.apiBasePath = apiBasePath.endsWith("/") ? apiBasePath.substring(0, apiBasePath.length() - 1) : apiBasePath;
  }

  public String template(URL url) {
    String path = url.getPath();
    if (!apiBasePath.isEmpty() && path.startsWith(apiBasePath + "/")) {
      path = path.substring(apiBasePath.length());
    }
    List<String> segments = List.of(path.replaceAll("^/+|/+$", "").split("/+"));
    if (segments.size() == 1 && segments.get(0).isEmpty()) {
      return "/";
    }
    return "/" + String.join("/", templated(segments));
  }

  private static List<String> templated(List<String> segments) {
    List<String> out = new ArrayList<>();
    int start = 0;
    if (segments.get(0).equals("repos") && segments.size() >= 3) {
      out.addAll(List.of("repos", "{owner}", "{repo}"));
      start = 3;
    }
    for (int i = start; i < segments.size(); i++) {
      String segment = segments.get(i);
      String previous = out.isEmpty() ? "" : out.get(out.size() - 1);
      if (REST_OF_PATH.containsKey(previous)) {
        out.add(REST_OF_PATH.get(previous));
        return out;
      }
      boolean gitObject = out.size() >= 2 && out.get(out.size() - 2).equals("git");
      out.add(gitObject ? "{sha}" : parameterName(segment, previous));
    }
    return out;
  }

  private static String parameterName(String segment, String previous) {
    if (NEXT_SEGMENT.containsKey(previous)) {
      return NEXT_SEGMENT.get(previous);
    }
    if (NUMBER.matcher(segment).matches()) {
      return NUMBERED.contains(previous) ? "{number}" : "{id}";
    }
    if (SHA.matcher(segment).matches()) {
      return "{sha}";
    }
    return segment;
  }
}
