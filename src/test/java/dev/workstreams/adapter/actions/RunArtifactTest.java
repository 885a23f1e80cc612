package dev.workstreams.adapter.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunArtifactTest {

  @TempDir Path tmp;

  /** A zip as actions/upload-artifact makes it. */
  static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return file;
  }

  @Test
  void readsTheExitStatusAndTheBundle() throws Exception {
    Path zip = zip(tmp.resolve("a.zip"), Map.of("exit-status", "0\n".getBytes(), "agent.bundle", "# v2 git bundle\n".getBytes(),
        "notes.txt", "ignored".getBytes()));

    RunArtifact artifact = RunArtifact.read(zip, 1024, tmp.resolve("agent.bundle"));

    assertEquals(new RunArtifact(OptionalInt.of(0), Optional.of(tmp.resolve("agent.bundle"))), artifact);
    assertEquals("# v2 git bundle\n", Files.readString(tmp.resolve("agent.bundle")));
  }

  @Test
  void aFailedAgentLeavesAStatusAndNoBundle() throws Exception {
    RunArtifact artifact = RunArtifact.read(zip(tmp.resolve("a.zip"), Map.of("exit-status", "3".getBytes())), 1024,
        tmp.resolve("b"));
    assertEquals(new RunArtifact(OptionalInt.of(3), Optional.empty()), artifact);
    assertEquals(OptionalInt.empty(), RunArtifact.read(zip(tmp.resolve("c.zip"), Map.of("exit-status", "-1; rm".getBytes())),
        1024, tmp.resolve("b")).exitStatus(), "not a status");
  }

  @Test
  void aBundleLargerThanItsBoundIsRefusedWhateverTheZipClaims() throws Exception {
    Path zip = zip(tmp.resolve("a.zip"), Map.of("agent.bundle", new byte[100_000]));
    IOException e = assertThrows(IOException.class, () -> RunArtifact.read(zip, 99_999, tmp.resolve("b")));
    assertTrue(e.getMessage().contains("longer than 99999 bytes"));
  }

  @Test
  void pathsInEntryNamesAreNeverFollowedAndEntriesAreCounted() throws Exception {
    Path evil = zip(tmp.resolve("evil.zip"), Map.of("../../agent.bundle", "x".getBytes(), "exit-status", "0".getBytes()));
    assertEquals(new RunArtifact(OptionalInt.of(0), Optional.empty()), RunArtifact.read(evil, 10, tmp.resolve("b")));
    assertTrue(Files.notExists(tmp.getParent().getParent().resolve("agent.bundle")));

    Map<String, byte[]> many = new LinkedHashMap<>();
    for (int i = 0; i <= RunArtifact.MAX_ENTRIES; i++) {
      many.put("f" + i, new byte[0]);
    }
    Path zip = zip(tmp.resolve("many.zip"), many);
    assertThrows(IOException.class, () -> RunArtifact.read(zip, 10, tmp.resolve("b")));
  }
}
