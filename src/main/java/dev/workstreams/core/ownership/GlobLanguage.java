package dev.workstreams.core.ownership;

import dev.workstreams.core.ownership.GlobElement.AnyChar;
import dev.workstreams.core.ownership.GlobElement.AnyDirectories;
import dev.workstreams.core.ownership.GlobElement.AnyPath;
import dev.workstreams.core.ownership.GlobElement.AnyRun;
import dev.workstreams.core.ownership.GlobElement.Literal;
import java.util.List;

/**
 * The set of paths a glob matches, as a nondeterministic automaton with one state per element of each alternative.
 *
 * <p>In regular-expression terms: {@code *} is {@code [^/]*}, {@code ?} is {@code [^/]}, a {@code **} segment with
 * more segments after it is "nothing, or anything that ends in a '/'", and a final {@code **} (or a trailing
 * {@code /}) is {@code .*}. State i stands before element i. A star or a final {@code **} loops on state i; the
 * middle {@code **} needs one more state, inside a skipped segment, because it may only give way to the next element
 * right after a {@code '/'}. All three may also be skipped, which is folded in here (state i also does what the states
 * after it do) so that the automaton needs no empty transitions.
 */
final class GlobLanguage {

  private static final char BEFORE_SLASH = '.';
  private static final char AFTER_SLASH = '0';

  private GlobLanguage() {}

  static Nfa of(List<List<GlobElement>> alternatives) {
    Nfa.Builder builder = new Nfa.Builder();
    int[] initialStates = new int[alternatives.size()];
    for (int a = 0; a < alternatives.size(); a++) {
      List<GlobElement> elements = alternatives.get(a);
      int first = builder.stateCount();
      initialStates[a] = first;
      int size = elements.size();
      for (int state = 0; state <= size; state++) {
        builder.addState(canSkipTo(elements, state) == size ? 0 : Nfa.NOT_ACCEPTING);
      }
      int[] inside = new int[size];
      for (int element = 0; element < size; element++) {
        if (elements.get(element) instanceof AnyDirectories) {
          inside[element] = builder.addState(Nfa.NOT_ACCEPTING);
          addSegmentChars(builder, inside[element], inside[element]);
          builder.addTransition(inside[element], '/', '/', first + element);
        }
      }
      for (int state = 0; state < size; state++) {
        for (int own = state; own < size && own <= canSkipTo(elements, state); own++) {
          addTransitions(builder, elements.get(own), first + state, first + own, inside[own]);
        }
      }
    }
    return builder.build(initialStates);
  }

  /** The furthest state reachable from {@code state} without reading a character. */
  private static int canSkipTo(List<GlobElement> elements, int state) {
    int reached = state;
    while (reached < elements.size() && isOptional(elements.get(reached))) {
      reached++;
    }
    return reached;
  }

  private static boolean isOptional(GlobElement element) {
    return element instanceof AnyRun || element instanceof AnyDirectories || element instanceof AnyPath;
  }

  /**
   * The transitions of {@code element}, which stands at state {@code at}, added to state {@code from}; {@code inside}
   * is the extra state of a middle {@code **}.
   */
  private static void addTransitions(Nfa.Builder builder, GlobElement element, int from, int at, int inside) {
    if (element instanceof Literal literal) {
      builder.addTransition(from, literal.character(), literal.character(), at + 1);
    } else if (element instanceof AnyChar) {
      addSegmentChars(builder, from, at + 1);
    } else if (element instanceof AnyRun) {
      addSegmentChars(builder, from, at);
    } else if (element instanceof AnyDirectories) {
      addSegmentChars(builder, from, inside);
      builder.addTransition(from, '/', '/', at);
    } else if (element instanceof AnyPath) {
      builder.addTransition(from, Character.MIN_VALUE, Character.MAX_VALUE, at);
    }
  }

  private static void addSegmentChars(Nfa.Builder builder, int from, int to) {
    builder.addTransition(from, Character.MIN_VALUE, BEFORE_SLASH, to);
    builder.addTransition(from, AFTER_SLASH, Character.MAX_VALUE, to);
  }
}
