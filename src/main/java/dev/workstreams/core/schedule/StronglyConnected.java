package dev.workstreams.core.schedule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tarjan's strongly connected components, iterative so that deep chains cannot overflow the stack. */
final class StronglyConnected {

  private final Map<String, List<String>> edges;
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<String, Integer> low = new HashMap<>();
  private final Deque<String> stack = new ArrayDeque<>();
  private final Set<String> onStack = new HashSet<>();
  private final List<List<String>> components = new ArrayList<>();
  private int counter;

  StronglyConnected(Map<String, List<String>> edges) {
    this.edges = edges;
  }

  List<List<String>> components() {
    for (String node : edges.keySet()) {
      if (!index.containsKey(node)) {
        visit(node);
      }
    }
    return components;
  }

  private void visit(String root) {
    Deque<Map.Entry<String, Iterator<String>>> work = new ArrayDeque<>();
    enter(root, work);
    while (!work.isEmpty()) {
      Map.Entry<String, Iterator<String>> frame = work.peek();
      String node = frame.getKey();
      if (frame.getValue().hasNext()) {
        String next = frame.getValue().next();
        if (!index.containsKey(next)) {
          enter(next, work);
        } else if (onStack.contains(next)) {
          low.put(node, Math.min(low.get(node), index.get(next)));
        }
        continue;
      }
      work.pop();
      if (!work.isEmpty()) {
        String parent = work.peek().getKey();
        low.put(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node).equals(index.get(node))) {
        List<String> component = new ArrayList<>();
        String member;
        do {
          member = stack.pop();
          onStack.remove(member);
          component.add(member);
        } while (!member.equals(node));
        components.add(component);
      }
    }
  }

  private void enter(String node, Deque<Map.Entry<String, Iterator<String>>> work) {
    index.put(node, counter);
    low.put(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    work.push(Map.entry(node, edges.get(node).iterator()));
  }
}
