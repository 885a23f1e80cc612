package dev.workstreams.adapter.agent.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bubblewrap command line around one agent command: namespaces of its own for mounts, processes,
 * IPC and host name (and network under {@code network: none}); the system read-only; {@code /tmp},
 * {@code /run} empty; the profile's extra paths read-only; the server's hidden folders empty; then, on
 * top, what the run needs (working copy
 * writable, shared objects, prompt and program read-only); last the hidden files covered, so that no
 * bind above can show them again.
 */
final class Bubblewrap {

  /** Host folders every sandbox sees empty: scratch space, and sockets such as a database's or Docker's. */
  private static final List<Path> SCRATCH = List.of(Path.of("/tmp"), Path.of("/var/tmp"), Path.of("/run"));

  private final Path executable;
  private final HiddenPaths hidden;

  Bubblewrap(Path executable, HiddenPaths hidden) {
    this.executable = executable;
    this.hidden = hidden;
  }

  Path executable() {
    return executable;
  }

  List<String> command(SandboxRun run, SandboxPolicy policy, List<String> argv) {
    List<String> a = new ArrayList<>(namespaces(policy.network()));
    a.addAll(List.of("--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"));
    SCRATCH.stream().filter(Files::isDirectory).filter(p -> !Files.isSymbolicLink(p)).forEach(p -> add(a, "--tmpfs", p));
    // The profile's paths before the hidden folders: a mount that holds DATA_DIR must not show it again.
    policy.mounts().forEach(p -> add(a, "--ro-bind-try", p, p));
    hidden.folders().stream().filter(Files::isDirectory).forEach(p -> add(a, "--tmpfs", p));
    run.sharedObjects().forEach(p -> add(a, "--ro-bind", p, p));
    add(a, "--ro-bind", run.program(), run.program());
    add(a, "--ro-bind", run.promptFile(), run.promptFile());
    add(a, "--bind", run.home(), run.home());
    add(a, "--bind", run.workingCopy(), run.workingCopy());
    hidden.files().stream().filter(Files::exists).forEach(p -> add(a, "--ro-bind", Path.of("/dev/null"), p));
    add(a, "--chdir", run.workingCopy());
    a.add("--");
    a.addAll(argv);
    return a;
  }

  /** The smallest sandbox of the same kind, to find out once whether bubblewrap works on this host. */
  List<String> probe() {
    List<String> a = new ArrayList<>(namespaces(Network.FULL));
    a.addAll(List.of("--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--", "true"));
    return a;
  }

  private List<String> namespaces(Network network) {
    // --cap-drop ALL: a server running as root would otherwise hand root's capabilities to the agent,
    // which could then unmount what hides DATA_DIR. --new-session: no terminal to push input into.
    List<String> a = new ArrayList<>(List.of(executable.toString(), "--die-with-parent", "--unshare-pid",
        "--unshare-ipc", "--unshare-uts", "--hostname", "workstreams-agent", "--cap-drop", "ALL", "--new-session"));
    if (network == Network.NONE) {
      a.add("--unshare-net");
    }
    return a;
  }

  private static void add(List<String> a, String option, Path... paths) {
    a.add(option);
    for (Path p : paths) {
      a.add(p.toString());
    }
  }
}
