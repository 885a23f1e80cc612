package dev.workstreams.bench;

import dev.workstreams.adapter.git.MirrorMerges;
import dev.workstreams.adapter.git.Remote;
import dev.workstreams.adapter.git.RepositoryName;
import dev.workstreams.adapter.git.WorkingCopies;
import dev.workstreams.core.preview.CommitPair;
import dev.workstreams.core.preview.Radar;
import dev.workstreams.core.preview.Tip;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The conflict radar as the App runs it, for {@code bench/radar.sh}:
 * {@code java -cp … dev.workstreams.bench.RadarBenchmark DATA_DIR SOURCE_URL PREFIX}. Fetches the
 * source into a bare mirror, then merges in memory every pair of the branches named {@code PREFIX*}
 * and each with {@code main}. Prints {@code fetch <ms>}, {@code pairs <n> conflicting <k>},
 * {@code merges <ms>} (a fresh radar: nothing remembered, a cold JVM) and {@code warm <ms>} (the same
 * merges by a second fresh radar in the same JVM), and one {@code pair <a> <b> <paths>} line per
 * conflicting pair, to compare with git's answers.
 */
public final class RadarBenchmark {

  private RadarBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    Remote source = Remote.anonymous(args[1]);
    String prefix = args[2];
    RepositoryName repo = new RepositoryName("bench", "repo");
    WorkingCopies copies = new WorkingCopies(dataDir);

    long started = System.nanoTime();
    Map<String, String> tips = new MirrorMerges(copies).refresh(repo, source);
    System.out.printf("fetch %d%n", (System.nanoTime() - started) / 1_000_000);

    List<Tip> open = new ArrayList<>();
    tips.forEach((branch, sha) -> {
      if (branch.startsWith(prefix)) {
        open.add(new Tip(branch, open.size() + 1, 1, sha));
      }
    });
    List<CommitPair> pairs = Radar.pairs(open, tips.get("main"));

    started = System.nanoTime();
    Map<CommitPair, List<String>> answers = new MirrorMerges(copies).conflicts(repo, pairs);
    long cold = (System.nanoTime() - started) / 1_000_000;
    started = System.nanoTime();
    new MirrorMerges(copies).conflicts(repo, pairs);
    long warm = (System.nanoTime() - started) / 1_000_000;

    long conflicting = answers.values().stream().filter(paths -> !paths.isEmpty()).count();
    System.out.printf("pairs %d conflicting %d%n", pairs.size(), conflicting);
    System.out.printf("merges %d%n", cold);
    System.out.printf("warm %d%n", warm);
    answers.forEach((pair, paths) -> {
      if (!paths.isEmpty()) {
        System.out.printf("pair %s %s %s%n", pair.first(), pair.second(), String.join(",", paths));
      }
    });
  }
}
