package dev.workstreams.core.draft;

import dev.workstreams.core.plan.PlanBlock;
import dev.workstreams.core.plan.PlanBlockFinder;
import dev.workstreams.core.text.InertText;
import java.util.List;
import java.util.Optional;

/**
 * The plan block in a planner's output, re-fenced as the App writes it: {@code ```plan}, then the
 * content with any fence or hidden marker broken (so that what is checked, shown and accepted is
 * the same text), then {@code ```}. The output is hostile: it only ever becomes a plan to check.
 */
public sealed interface PlannerAnswer {

  /** Far above any real plan (50 tasks of 64 KiB prompts are refused by the engine anyway). */
  int MAX_OUTPUT_CHARS = 1024 * 1024;

  record Drafted(String block) implements PlannerAnswer {}

  record Unusable(String problem) implements PlannerAnswer {}

  static PlannerAnswer of(String output) {
    String text = output.length() > MAX_OUTPUT_CHARS ? output.substring(0, MAX_OUTPUT_CHARS) : output;
    Optional<PlanBlock> first = PlanBlockFinder.find(text);
    if (first.isEmpty()) {
      return new Unusable("the output holds no plan block: answer with one fenced code block whose info string is"
          + " `plan` (```plan … ```)");
    }
    PlanBlock block = first.get();
    List<String> lines = text.lines().toList();
    int after = Math.min(lines.size(), block.firstLine() + (int) block.content().lines().count());
    if (PlanBlockFinder.find(String.join("\n", lines.subList(after, lines.size()))).isPresent()) {
      return new Unusable("the output holds more than one plan block: answer with exactly one");
    }
    return new Drafted("```plan\n" + InertText.insideCodeBlock(block.content().strip()) + "\n```\n");
  }
}
