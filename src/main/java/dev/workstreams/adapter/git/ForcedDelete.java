package dev.workstreams.adapter.git;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Deletes a folder the App made, read-only parts included: a planner's checkout is made read-only on
 * purpose, and tools leave read-only folders in an agent's HOME (Go's module cache). Each folder is
 * made the owner's to read, enter and write before its entries go; symbolic links are deleted, not followed.
 */
public final class ForcedDelete {

  private ForcedDelete() {}

  /** Deletes {@code dir} and everything in it; nothing when it is not there. */
  public static void tree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(d);
        p.add(PosixFilePermission.OWNER_READ);
        p.add(PosixFilePermission.OWNER_WRITE);
        p.add(PosixFilePermission.OWNER_EXECUTE);
        Files.setPosixFilePermissions(d, p);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
        Files.delete(f);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
