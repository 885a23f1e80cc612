package dev.workstreams.cli;

import picocli.CommandLine.Command;

/** {@code workstreams plan …}: offline tools for plan authors. */
@Command(
    name = "plan",
    description = "Check a plan before you label its issue.",
    mixinStandardHelpOptions = true,
    subcommands = {PlanCheckCommand.class})
public final class PlanCommand {}
