package dev.workstreams.adapter.agent.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds out once, at start, how this host can enforce limits: a cgroup v1 {@code pids} and {@code
 * memory} hierarchy the server may create cgroups in (root), a cgroup v2 whose own cgroup delegates
 * both controllers to its children, else rlimits through {@code prlimit}. Each candidate is tried by
 * creating and removing a cgroup, not judged by permissions.
 */
public final class ResourceControls {

  private ResourceControls() {}

  /** This host's: {@code /sys/fs/cgroup}, {@code /proc/self/cgroup}, {@code prlimit} on {@code path}. */
  public static ResourceControl detect(String path) {
    Optional<Path> prlimit = Arrays.stream(path.split(":")).filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, "prlimit")).filter(Files::isExecutable).findFirst();
    String self;
    try {
      self = Files.readString(Path.of("/proc/self/cgroup"));
    } catch (IOException e) {
      self = "";
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    return detect(Path.of("/sys/fs/cgroup"), self, prlimit, root);
  }

  static ResourceControl detect(Path cgroupRoot, String selfCgroup, Optional<Path> prlimit, boolean root) {
    List<String[]> entries = selfCgroup.lines().map(l -> l.split(":", 3)).filter(f -> f.length == 3).toList();
    Optional<Path> pidsV1 = v1Parent(cgroupRoot, entries, "pids");
    Optional<Path> memoryV1 = v1Parent(cgroupRoot, entries, "memory");
    if (pidsV1.isPresent() && memoryV1.isPresent() && canCreate(pidsV1.get()) && canCreate(memoryV1.get())) {
      return new Cgroups(Cgroups.Version.V1, pidsV1.get(), memoryV1.get());
    }
    Optional<Path> v2 = entries.stream().filter(f -> f[0].equals("0") && f[1].isEmpty()).findFirst()
        .map(f -> cgroupRoot.resolve(f[2].replaceFirst("^/", "")))
        .filter(dir -> Files.exists(cgroupRoot.resolve("cgroup.controllers")) && delegates(dir) && canCreate(dir));
    if (v2.isPresent()) {
      return new Cgroups(Cgroups.Version.V2, v2.get(), v2.get());
    }
    return prlimit.<ResourceControl>map(p -> new Rlimits(p, root)).orElseGet(ResourceControl.Unlimited::new);
  }

  private static Optional<Path> v1Parent(Path cgroupRoot, List<String[]> entries, String controller) {
    return entries.stream().filter(f -> Arrays.asList(f[1].split(",")).contains(controller)).findFirst()
        .map(f -> cgroupRoot.resolve(f[1]).resolve(f[2].replaceFirst("^/", "")))
        .filter(dir -> Files.isRegularFile(dir.resolve("cgroup.procs")));
  }

  private static boolean delegates(Path dir) {
    try {
      List<String> enabled = Arrays.asList(Files.readString(dir.resolve("cgroup.subtree_control")).strip().split(" "));
      return enabled.contains("memory") && enabled.contains("pids");
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean canCreate(Path parent) {
    Path probe = parent.resolve("workstreams-probe-" + ProcessHandle.current().pid());
    try {
      Files.createDirectory(probe);
      Files.delete(probe);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
