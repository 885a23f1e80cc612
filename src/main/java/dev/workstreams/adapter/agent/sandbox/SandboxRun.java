package dev.workstreams.adapter.agent.sandbox;

import java.nio.file.Path;
import java.util.List;

/**
 * The paths one run needs inside its sandbox.
 *
 * @param workingCopy the task's copy, the only writable folder besides {@code home} and {@code /tmp}
 * @param sharedObjects the object stores the copy's {@code .git/objects/info/alternates} names, read-only
 * @param home the run's own {@code HOME}
 * @param promptFile the file {@code WORKSTREAMS_PROMPT_FILE} names, read-only
 * @param program the operator's program, read-only, so that it runs wherever it was installed
 */
public record SandboxRun(Path workingCopy, List<Path> sharedObjects, Path home, Path promptFile, Path program) {

  public SandboxRun {
    workingCopy = HiddenPaths.real(workingCopy);
    sharedObjects = sharedObjects.stream().map(HiddenPaths::real).toList();
    home = HiddenPaths.real(home);
    promptFile = HiddenPaths.real(promptFile);
    program = HiddenPaths.real(program);
  }
}
