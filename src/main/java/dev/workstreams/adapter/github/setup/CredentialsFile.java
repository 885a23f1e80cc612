package dev.workstreams.adapter.github.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workstreams.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The App's credentials from setup, in {@code DATA_DIR/github-app.json}, readable by its owner
 * only. Written once: to a temporary file (0600) that is forced to disk, then moved into place
 * atomically, so a crash leaves either no file or a whole one.
 */
public final class CredentialsFile {

  public static final String FILE_NAME = "github-app.json";

  private static final ObjectMapper JSON = Json.mapper();

  private final Path dataDir;
  private final Path file;

  public CredentialsFile(Path dataDir) {
    this.dataDir = dataDir;
    this.file = dataDir.resolve(FILE_NAME);
  }

  public Path path() {
    return file;
  }

  public boolean exists() {
    return Files.exists(file);
  }

  public Optional<AppRegistration> load() throws IOException {
    JsonNode node;
    try {
      node = JSON.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new IOException(file + " cannot be read as the App's credentials (" + e.getClass().getSimpleName()
          + "); move it away and run the setup again");
    }
    return Optional.of(RegistrationJson.read(node).orElseThrow(() -> new IOException(
        file + " lacks some of the App's credentials; move it away and run the setup again")));
  }

  /**
   * @throws SetupException when credentials are already stored (a second setup)
   */
  public synchronized void store(AppRegistration registration) throws IOException, SetupException {
    if (exists()) {
      throw new SetupException(SetupException.Reason.ALREADY_REGISTERED,
          "This server is already set up. To register another App, stop it and move " + file + " away first.");
    }
    Files.createDirectories(dataDir);
    Path temporary = Files.createTempFile(dataDir, "." + FILE_NAME + "-", ".tmp", ownerOnly());
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(RegistrationJson.write(registration))));
        channel.force(true);
      }
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      throw new SetupException(SetupException.Reason.ALREADY_REGISTERED, "This server is already set up.");
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** 0600 where the file system has POSIX permissions (Linux containers); nothing to set elsewhere. */
  private FileAttribute<?>[] ownerOnly() {
    if (!dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
  }
}
