package dev.workstreams.adapter.agent.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The choice of how limits are enforced and the cgroup files written and read, on a cgroup tree
 * laid out in a temporary folder (the kernel's own is covered by SandboxedAgentsIT).
 */
class ResourceControlsTest {

  @TempDir Path root;
  final Limits limits = new Limits(64L << 20, 32, 1L << 20);

  @Test
  void usesACgroupV2ThatDelegatesMemoryAndPidsAndReadsWhichLimitWasHit() throws Exception {
    Path own = Files.createDirectories(root.resolve("system.slice/workstreams.service"));
    Files.writeString(root.resolve("cgroup.controllers"), "cpu memory pids\n");
    Files.writeString(own.resolve("cgroup.subtree_control"), "memory pids\n");

    ResourceControl control = ResourceControls.detect(root, "0::/system.slice/workstreams.service\n", Optional.empty(), false);

    assertTrue(control.perRun(), control.describe());
    try (ResourceControl.LimitedRun run = control.open("7-auth", limits)) {
      Path cgroup;
      try (var dirs = Files.list(own)) {
        cgroup = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
      }
      assertTrue(cgroup.getFileName().toString().startsWith("workstreams-7-auth-"), cgroup.toString());
      assertEquals("32", Files.readString(cgroup.resolve("pids.max")));
      assertEquals(Long.toString(64L << 20), Files.readString(cgroup.resolve("memory.max")));
      assertEquals(List.of("/bin/sh", "-c"), run.prefix().subList(0, 2));
      assertEquals(List.of("2048", cgroup.resolve("cgroup.procs").toString(), "--"), run.prefix().subList(4, 7));

      Files.writeString(cgroup.resolve("memory.events"), "low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\n");
      assertEquals(Optional.of("hit the memory limit of 64m"), run.hit(137));
      assertEquals(Optional.empty(), run.hit(0), "a run that succeeded hit nothing");
      Files.writeString(cgroup.resolve("memory.events"), "oom_kill 0\n");
      Files.writeString(cgroup.resolve("pids.events"), "max 12\n");
      assertEquals(Optional.of("hit the process limit of 32"), run.hit(2));
      Files.writeString(cgroup.resolve("pids.events"), "max 0\n");
      assertEquals(Optional.of("hit the file size limit of 1m (exit status 153, SIGXFSZ)"), run.hit(153));
      assertEquals(Optional.empty(), run.hit(1));
      Files.list(cgroup).forEach(f -> f.toFile().delete()); // the kernel's files vanish with the cgroup
    }
    try (var left = Files.list(own)) {
      assertEquals(List.of(own.resolve("cgroup.subtree_control")), left.toList(), "the run's cgroup is removed");
    }
  }

  @Test
  void fallsBackToRlimitsWhereNoCgroupMayBeCreated() throws Exception {
    Files.writeString(root.resolve("cgroup.controllers"), "cpu memory pids\n");
    Path prlimit = Path.of("/usr/bin/prlimit");

    ResourceControl control = ResourceControls.detect(root, "0::/user.slice\n", Optional.of(prlimit), false);

    Rlimits rlimits = assertInstanceOf(Rlimits.class, control);
    assertEquals(List.of("/usr/bin/prlimit", "--data=67108864:67108864", "--nproc=32:32", "--fsize=1048576:1048576", "--"),
        rlimits.open("7-auth", limits).prefix());
    assertTrue(control.describe().contains("processes per user (RLIMIT_NPROC)"), control.describe());
    assertTrue(ResourceControls.detect(root, "", Optional.of(prlimit), true).describe()
        .contains("NO process limit, since RLIMIT_NPROC does not bind root"));
  }

  @Test
  void enforcesNothingWithoutCgroupsOrPrlimitAndSaysSo() {
    ResourceControl control = ResourceControls.detect(root, "", Optional.empty(), false);

    assertInstanceOf(ResourceControl.Unlimited.class, control);
    assertTrue(control.describe().startsWith("agent limits are NOT enforced"));
  }
}
