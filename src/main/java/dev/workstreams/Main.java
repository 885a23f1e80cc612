package dev.workstreams;

import dev.workstreams.cli.PlanCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The composition root: the only place that reads configuration and wires adapters to workflows.
 */
@Command(
    name = "workstreams",
    mixinStandardHelpOptions = true,
    description = "A GitHub App that turns one labelled plan issue into parallel workstreams.",
    subcommands = {PlanCommand.class})
public final class Main {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    return new CommandLine(new Main()).execute(args);
  }
}
