package dev.workstreams.adapter.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what the App writes under {@code DATA_DIR} to its own user (folders 0700, files 0600): logs
 * hold agents' output, run folders their prompts, and another local user has no business with either.
 */
public final class OwnerOnly {

  private static final Logger LOG = LoggerFactory.getLogger(OwnerOnly.class);
  private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnly() {}

  /** Creates {@code dir} (and missing parents) and makes {@code dir} itself owner-only; logs what it cannot change. */
  public static Path folder(Path dir) throws IOException {
    Files.createDirectories(dir);
    restrict(dir, FOLDER);
    return dir;
  }

  /** Creates the folders from {@code root} down to {@code dir}, each owner-only. */
  static Path folders(Path root, Path dir) throws IOException {
    folder(root);
    Path current = root;
    for (Path part : root.relativize(dir)) {
      current = current.resolve(part);
      folder(current);
    }
    return dir;
  }

  static Path file(Path file) {
    restrict(file, FILE);
    return file;
  }

  private static void restrict(Path path, Set<PosixFilePermission> permissions) {
    try {
      Files.setPosixFilePermissions(path, permissions);
    } catch (IOException | UnsupportedOperationException e) {
      // A volume owned by another user, or a file system without POSIX permissions: the App still runs.
      LOG.warn("cannot make {} owner-only: {}", path, e.toString());
    }
  }
}
