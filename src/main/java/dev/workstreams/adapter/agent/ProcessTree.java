package dev.workstreams.adapter.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Kills an agent and everything it started: first politely (SIGTERM), then, after a grace
 * period, forcibly (SIGKILL).
 *
 * <p>{@link ProcessHandle#descendants()} misses a child whose parent already exited: it is
 * reparented to init and no longer descends from the agent ({@code sleep 1000 &} in a script that
 * then exits, a daemonizing tool). So on Linux the agent is started as the leader of a session of
 * its own ({@code setsid}, see {@link ProgramPath}), and every process of that session is killed
 * too, found through {@code /proc/<pid>/stat}. A process that starts a session of its own while
 * still a descendant is swept with its session as well. Without {@code /proc}, descendants only.
 *
 * <p>In the sandbox none of this is needed: the agent runs in a PID namespace of its own, where an
 * orphan is adopted by the sandbox's init, a descendant of the leader; and when bubblewrap dies,
 * that init dies ({@code --die-with-parent}) and the kernel kills the whole namespace with it.
 */
final class ProcessTree {

  private static final Path PROC = Path.of("/proc");

  private final Duration grace;

  ProcessTree(Duration grace) {
    this.grace = grace;
  }

  /** Kills {@code leader}'s tree; {@code ownSession}: the leader was started with setsid. */
  void kill(ProcessHandle leader, boolean ownSession) {
    Set<ProcessHandle> members = members(leader, ownSession);
    members.forEach(ProcessHandle::destroy);
    awaitExit(members, grace);
    // Members may have started new processes during the grace period: look again.
    Set<ProcessHandle> remaining = members(leader, ownSession);
    members.stream().filter(ProcessHandle::isAlive).forEach(remaining::add);
    remaining.forEach(ProcessHandle::destroyForcibly);
    awaitExit(remaining, Duration.ofSeconds(5));
  }

  private Set<ProcessHandle> members(ProcessHandle leader, boolean ownSession) {
    Set<ProcessHandle> members = new LinkedHashSet<>();
    if (leader.isAlive()) {
      members.add(leader);
    }
    leader.descendants().forEach(members::add);
    if (!Files.isDirectory(PROC)) {
      return members;
    }
    Set<Long> sessions = new LinkedHashSet<>();
    if (ownSession) {
      sessions.add(leader.pid());
    }
    members.stream().filter(p -> sessionOf(p.pid()).orElse(-1) == p.pid()).forEach(p -> sessions.add(p.pid()));
    // Never the server's own session, whatever a reused pid may claim.
    sessionOf(ProcessHandle.current().pid()).ifPresent(own -> sessions.remove(own));
    if (!sessions.isEmpty()) {
      ProcessHandle.allProcesses()
          .filter(p -> p.pid() != ProcessHandle.current().pid())
          .filter(p -> sessions.contains(sessionOf(p.pid()).orElse(-1)))
          .forEach(members::add);
    }
    return members;
  }

  /** Field 6 of {@code /proc/<pid>/stat}, the session id; the command name may hold spaces and ')'. */
  private static OptionalLong sessionOf(long pid) {
    try {
      String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return OptionalLong.of(Long.parseLong(fields[3]));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  private static void awaitExit(Set<ProcessHandle> processes, Duration limit) {
    CompletableFuture<?>[] exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(exits).get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Whoever is still alive gets the next, forcible, signal.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
