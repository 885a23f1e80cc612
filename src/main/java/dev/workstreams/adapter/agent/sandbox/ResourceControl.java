package dev.workstreams.adapter.agent.sandbox;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * How this host enforces a run's {@link Limits}, chosen once at start ({@link ResourceControls}):
 * a cgroup per run where the server may create them (root on cgroup v1, or a delegated cgroup v2),
 * else rlimits through {@code prlimit}, else nothing.
 */
public sealed interface ResourceControl permits Cgroups, Rlimits, ResourceControl.Unlimited {

  /** Sets one run's limits up; {@code name} becomes part of the cgroup's name. */
  LimitedRun open(String name, Limits limits) throws IOException;

  /** For the start-up log: how limits are enforced, and what is not. */
  String describe();

  /** Whether memory and process limits hold for a run as a whole and are recognised when hit (cgroups). */
  default boolean perRun() {
    return false;
  }

  /** One run's limits. */
  interface LimitedRun extends AutoCloseable {

    /** What to put before the (sandboxed) command so that it runs within the limits. */
    List<String> prefix();

    /** Which limit a run that ended with {@code status} hit, in words for its summary. */
    Optional<String> hit(int status);

    /** Removes what {@link #open} made; the run's processes are gone by then. */
    @Override
    void close();
  }

  /** Neither cgroups nor {@code prlimit}: limits are not enforced, which the start-up log says. */
  record Unlimited() implements ResourceControl {
    @Override
    public LimitedRun open(String name, Limits limits) {
      return new LimitedRun() {
        public List<String> prefix() {
          return List.of();
        }

        public Optional<String> hit(int status) {
          return Optional.empty();
        }

        public void close() {}
      };
    }

    @Override
    public String describe() {
      return "agent limits are NOT enforced: no writable cgroup and no prlimit (util-linux) on this host";
    }
  }
}
