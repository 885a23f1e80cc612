package dev.workstreams.workflow.preview;

import dev.workstreams.core.preview.CommitPair;
import dev.workstreams.core.preview.LeftOut;
import dev.workstreams.core.preview.PreviewBuild;
import dev.workstreams.core.preview.Tip;
import dev.workstreams.port.IntegrationBranches;
import dev.workstreams.port.RepositoryId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The git side as plain values: branch tips, which commit pairs conflict where, and what was built,
 * pushed and deleted. A preview leaves out a tip that conflicts with one already merged into it.
 */
final class FakeIntegrationBranches implements IntegrationBranches {

  final Map<String, String> tips = new TreeMap<>();
  final Map<CommitPair, List<String>> conflicting = new HashMap<>();
  final List<CommitPair> merged = new ArrayList<>();
  final List<List<String>> builds = new ArrayList<>();
  final List<String> deleted = new ArrayList<>();
  boolean unreachable;
  private int commits;

  FakeIntegrationBranches tip(String branch, String sha) {
    tips.put(branch, sha);
    return this;
  }

  FakeIntegrationBranches conflict(String a, String b, String... paths) {
    conflicting.put(CommitPair.of(a, b), List.of(paths));
    return this;
  }

  @Override
  public Map<String, String> branchTips(RepositoryId repository) throws IOException {
    if (unreachable) {
      throw new IOException("fetching " + repository + " failed: not found");
    }
    return Map.copyOf(tips);
  }

  @Override
  public Map<CommitPair, List<String>> conflicts(RepositoryId repository, Collection<CommitPair> pairs) {
    Map<CommitPair, List<String>> answers = new LinkedHashMap<>();
    for (CommitPair pair : pairs) {
      merged.add(pair);
      answers.put(pair, conflicting.getOrDefault(pair, List.of()));
    }
    return answers;
  }

  @Override
  public PreviewBuild buildPreview(RepositoryId repository, String branch, String baseSha, List<Tip> inOrder,
      String message) {
    List<Tip> in = new ArrayList<>();
    List<LeftOut> out = new ArrayList<>();
    for (Tip tip : inOrder) {
      List<String> paths = in.stream()
          .flatMap(t -> conflicting.getOrDefault(CommitPair.of(t.sha(), tip.sha()), List.of()).stream()).toList();
      if (paths.isEmpty()) {
        in.add(tip);
      } else {
        out.add(new LeftOut(tip, paths));
      }
    }
    builds.add(inOrder.stream().map(t -> t.taskId() + "@" + t.sha()).toList());
    String commit = "preview" + (++commits);
    tips.put(branch, commit);
    return new PreviewBuild(commit, in, out);
  }

  @Override
  public void deleteBranch(RepositoryId repository, String branch) {
    deleted.add(branch);
    tips.remove(branch);
  }
}
