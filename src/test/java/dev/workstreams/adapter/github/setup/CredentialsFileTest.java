package dev.workstreams.adapter.github.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsFileTest {

  private static final AppRegistration REGISTRATION = new AppRegistration(12, "workstreams", "workstreams", "Iv1.abc",
      "client-secret-value", java.util.Optional.of("webhook-secret-value"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n",
      URI.create("https://github.com/apps/workstreams"));

  @TempDir
  Path dir;

  @Test
  void storesForTheOwnerOnlyAndLoadsBack() throws Exception {
    CredentialsFile file = new CredentialsFile(dir.resolve("data"));
    assertEquals(Optional.empty(), file.load());

    file.store(REGISTRATION);

    assertEquals(Optional.of(REGISTRATION), new CredentialsFile(dir.resolve("data")).load());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())));
  }

  @Test
  void refusesToOverwriteStoredCredentials() throws Exception {
    CredentialsFile file = new CredentialsFile(dir);
    file.store(REGISTRATION);

    SetupException e = assertThrows(SetupException.class, () -> file.store(REGISTRATION));

    assertEquals(SetupException.Reason.ALREADY_REGISTERED, e.reason());
  }

  @Test
  void leavesNothingBehindWhenItCannotWrite() throws IOException {
    Path readOnly = Files.createDirectory(dir.resolve("read-only"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-x------"));
    CredentialsFile file = new CredentialsFile(readOnly);

    try {
      assumeFalse(Files.isWritable(readOnly), "running as root: permissions do not stop writes");
      assertThrows(IOException.class, () -> file.store(REGISTRATION));
      assertFalse(file.exists());
    } finally {
      Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void storesNothingWhenDataDirCannotBeCreated() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("data"), "a file where the folder should be");

    assertThrows(IOException.class, () -> new CredentialsFile(notADirectory).store(REGISTRATION));
    assertEquals("a file where the folder should be", Files.readString(notADirectory));
  }

  @Test
  void explainsADamagedFileWithoutQuotingIt() throws IOException {
    Files.writeString(dir.resolve(CredentialsFile.FILE_NAME), "{\"id\": 12, \"pem\": \"secret-looking\"");

    IOException e = assertThrows(IOException.class, () -> new CredentialsFile(dir).load());

    assertTrue(e.getMessage().endsWith("move it away and run the setup again"), e.getMessage());
    assertFalse(e.getMessage().contains("secret-looking"));
  }

  @Test
  void hidesSecretsWhenPrinted() {
    assertFalse(REGISTRATION.toString().contains("secret-value"));
    assertFalse(REGISTRATION.toString().contains("PRIVATE KEY"));
  }
}
