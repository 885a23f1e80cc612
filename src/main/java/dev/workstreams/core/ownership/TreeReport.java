package dev.workstreams.core.ownership;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a plan's ownership fits an existing file tree.
 *
 * @param globsMatchingNothing per task, in plan order, the globs that match no existing file; tasks whose globs all
 *     match something are left out
 * @param unownedFiles existing files that no task owns and that are not shared, sorted
 */
public record TreeReport(Map<String, List<String>> globsMatchingNothing, List<String> unownedFiles) {

  public TreeReport {
    Map<String, List<String>> ordered = new LinkedHashMap<>();
    globsMatchingNothing.forEach((task, globs) -> ordered.put(task, List.copyOf(globs)));
    globsMatchingNothing = Collections.unmodifiableMap(ordered);
    unownedFiles = List.copyOf(unownedFiles);
  }
}
