package dev.workstreams.e2e;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Writes whose answer GitHub loses after applying them, for {@link FakeGitHub}: the write takes
 * effect, then the client gets a 502 or a connection reset instead of the answer. Which writes:
 * every write to a route, or a share of all writes chosen by a seeded random, so a run repeats.
 */
public final class LostAnswers {

  /** What the client sees instead of the answer. */
  public enum Loss {
    BAD_GATEWAY,
    CONNECTION_RESET
  }

  private record Rule(Pattern write, double share, Loss loss) {}

  private final List<Rule> rules = new ArrayList<>();
  private final List<String> lost = new ArrayList<>();
  private Random random = new Random(0);

  /** Every write matching {@code write} ({@code METHOD path}, a regular expression) loses its answer. */
  public synchronized void always(String write, Loss loss) {
    rules.add(new Rule(Pattern.compile(write), 1.0, loss));
  }

  /** Each write loses its answer with probability {@code share}, drawn from a random seeded with {@code seed}. */
  public synchronized void share(double share, long seed, Loss loss) {
    random = new Random(seed);
    rules.add(new Rule(Pattern.compile(".*"), share, loss));
  }

  /** The writes whose answers were lost, as {@code METHOD path}. */
  public synchronized List<String> lost() {
    return List.copyOf(lost);
  }

  /** The answer the client gets for a write the fake has already applied. */
  synchronized ResponseDefinition after(String method, String url, ResponseDefinition applied) {
    String write = method + " " + url.replaceFirst("\\?.*", "");
    for (Rule rule : rules) {
      if (rule.write().matcher(write).matches() && (rule.share() >= 1.0 || random.nextDouble() < rule.share())) {
        lost.add(write);
        return rule.loss() == Loss.BAD_GATEWAY
            ? FakeGitHub.answer(502, "{\"message\":\"Server Error\"}")
            : new ResponseDefinitionBuilder().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
      }
    }
    return applied;
  }
}
