package dev.workstreams.core.ownership;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Every glob of a plan in one deterministic automaton, so that a path is read once, character by character, however
 * many globs the plan has; the state a path ends in tells which globs match it.
 *
 * <p>Globs whose combination would need more than {@link #MAX_STATES} states (many {@code **} globs that all stay
 * undecided deep into a path) are tried one by one instead: slower, same answers.
 */
final class PlanAutomaton {

  // At the cap the table takes 4 bytes x states x character classes: 12 MB for the 60 classes of a large plan. A
  // realistic 50-task plan needs about 5,000 states.
  static final int MAX_STATES = 50_000;

  private final PlanGlobs plan;
  private final Optional<Dfa> automaton;
  private final PathClaims[] claimsByAcceptSet;

  private PlanAutomaton(PlanGlobs plan, Optional<Dfa> automaton) {
    this.plan = plan;
    this.automaton = automaton;
    int sets = automaton.map(Dfa::acceptSetCount).orElse(0);
    this.claimsByAcceptSet = new PathClaims[sets];
    for (int id = 0; id < sets; id++) {
      claimsByAcceptSet[id] = new PathClaims(automaton.get().acceptSet(id), plan);
    }
  }

  static PlanAutomaton build(PlanGlobs plan) {
    return build(plan, MAX_STATES);
  }

  static PlanAutomaton build(PlanGlobs plan, int maxStates) {
    List<Dfa> parts = plan.globs().stream().map(Glob::automaton).toList();
    return new PlanAutomaton(plan, SubsetConstruction.determinize(Nfa.union(parts), maxStates));
  }

  PathClaims claims(String path) {
    if (automaton.isPresent()) {
      Dfa dfa = automaton.get();
      return claimsByAcceptSet[dfa.acceptSetId(dfa.run(path))];
    }
    List<Glob> globs = plan.globs();
    return new PathClaims(IntStream.range(0, globs.size()).filter(g -> globs.get(g).matches(path)).toArray(), plan);
  }
}
