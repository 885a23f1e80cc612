package dev.workstreams.adapter.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * The header of a git bundle (v2, or v3 with SHA-1 objects only), read before any of its objects
 * enter a repository: the commits it needs (prerequisites) and the refs it names. Bounded: a header
 * longer than {@link #MAX_BYTES} is refused rather than read on.
 */
record BundleHeader(List<ObjectId> prerequisites, Map<String, ObjectId> refs) {

  static final int MAX_BYTES = 64 * 1024;

  /** Why the file is not a bundle this App takes, as a {@link BundleFormatException}. */
  static BundleHeader read(Path bundle) throws IOException {
    try (InputStream in = Files.newInputStream(bundle)) {
      String first = line(in);
      boolean v3 = first.equals("# v3 git bundle");
      if (!v3 && !first.equals("# v2 git bundle")) {
        throw new BundleFormatException("it is not a git bundle (v2 or v3)");
      }
      List<ObjectId> prerequisites = new ArrayList<>();
      Map<String, ObjectId> refs = new LinkedHashMap<>();
      int read = first.length() + 1;
      for (String line = line(in); !line.isEmpty(); line = line(in)) {
        read += line.length() + 1;
        if (read > MAX_BYTES) {
          throw new BundleFormatException("its header is longer than " + MAX_BYTES + " bytes");
        }
        if (v3 && line.startsWith("@")) {
          if (!line.equals("@object-format=sha1")) {
            throw new BundleFormatException("it asks for a capability this App does not take: " + shown(line));
          }
        } else if (line.startsWith("-")) {
          prerequisites.add(id(line.substring(1)));
        } else {
          int space = line.indexOf(' ');
          String name = space < 0 ? "" : line.substring(space + 1);
          if (space != 40 || !Repository.isValidRefName(name) || refs.containsKey(name)) {
            throw new BundleFormatException("its header has a line that names no ref: " + shown(line));
          }
          refs.put(name, id(line.substring(0, space)));
        }
      }
      return new BundleHeader(List.copyOf(prerequisites), Map.copyOf(refs));
    }
  }

  /** A prerequisite line is {@code -<id> <optional comment>}. */
  private static ObjectId id(String text) throws BundleFormatException {
    String hex = text.length() >= 40 ? text.substring(0, 40) : text;
    if (!ObjectId.isId(hex) || (text.length() > 40 && text.charAt(40) != ' ')) {
      throw new BundleFormatException("its header has an id that is not a SHA-1: " + shown(text));
    }
    return ObjectId.fromString(hex);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new BundleFormatException("its header ends before its objects start");
      }
      if (line.size() >= 1024) {
        throw new BundleFormatException("its header has a line longer than 1024 bytes");
      }
      line.write(b);
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  /** Header text in a message: it is the runner's, so shown short and without control characters. */
  private static String shown(String text) {
    String cut = text.length() > 80 ? text.substring(0, 80) + "…" : text;
    return "`" + cut.replaceAll("[\\p{Cntrl}`]", "?") + "`";
  }

  /** A bundle that this App refuses before reading its objects. */
  static final class BundleFormatException extends IOException {
    BundleFormatException(String reason) {
      super(reason);
    }
  }
}
