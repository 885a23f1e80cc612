package dev.workstreams.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the delivery store lives: a JDBC URL plus credentials kept apart from it, so the URL can be
 * logged and the password cannot.
 */
public record DatabaseTarget(String jdbcUrl, Optional<String> user, Optional<Secret> password) {

  /** H2 file database in DATA_DIR; see {@link #embeddedSettings()} for why these settings. */
  public static DatabaseTarget embedded(Path dataDir) {
    String file = dataDir.toAbsolutePath().normalize().resolve("workstreams").toString();
    return new DatabaseTarget("jdbc:h2:file:" + file + embeddedSettings(), Optional.empty(), Optional.empty());
  }

  /**
   * DB_CLOSE_ON_EXIT=FALSE: our own shutdown closes the pool after the last batch is written;
   * H2's shutdown hook would otherwise close the database under it. H2 writes commits to its file
   * in the background (WRITE_DELAY, 500 ms): the delivery store forces the write of each intake
   * batch itself before acknowledging it (see Database#makeDurable). QUERY_CACHE_SIZE: H2 keeps 8
   * parsed statements per connection by default, fewer than the job queue and the delivery store
   * use in turn, so it would parse most of them again on every call. ANALYZE_AUTO=0: H2 otherwise
   * runs ANALYZE inside the commit of every 2,000th changed row of a table, reading back up to
   * 10,000 rows (payloads included) on intake's path: a tenth of intake's CPU in the profile (README,
   * "Performance"). The App's queries are lookups on indexed columns, planned the same without
   * statistics, as they always were for a table's first 2,000 changed rows. CACHE_SIZE=1024 (KB; H2's
   * default is 16 MB): every page intake's CHECKPOINT writes goes into that cache, so under a burst the
   * cache is young objects that each young collection copies; with 16 MB the pauses were long enough
   * that G1 grew the heap until the RSS after a load was 740 MiB, with 1 MB about 500 (README,
   * "Performance", issue 18). A page H2's cache misses is read again from the file.
   */
  private static String embeddedSettings() {
    return ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;ANALYZE_AUTO=0;CACHE_SIZE=1024";
  }

  /**
   * Reads DATABASE_URL: a JDBC URL as is, or the {@code postgres://user:pass@host[:port]/db} form
   * that hosting platforms hand out, converted to JDBC with the credentials taken out of the URL.
   */
  public static DatabaseTarget parse(String databaseUrl) {
    if (databaseUrl.startsWith("jdbc:")) {
      return new DatabaseTarget(databaseUrl, Optional.empty(), Optional.empty());
    }
    if (databaseUrl.startsWith("postgres://") || databaseUrl.startsWith("postgresql://")) {
      return fromPostgresUri(databaseUrl);
    }
    throw new ConfigException(
        "DATABASE_URL must start with jdbc:, postgres:// or postgresql:// (got a value starting with '"
            + prefixOf(databaseUrl) + "')");
  }

  /** The URL for log lines: a password given inside a JDBC URL is masked. */
  public String describe() {
    return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  @Override
  public String toString() {
    return "DatabaseTarget[" + describe() + ", user=" + user.orElse("-") + "]";
  }

  public boolean isPostgres() {
    return jdbcUrl.startsWith("jdbc:postgresql:");
  }

  private static DatabaseTarget fromPostgresUri(String databaseUrl) {
    URI uri;
    try {
      uri = new URI(databaseUrl);
    } catch (URISyntaxException e) {
      // The message of URISyntaxException quotes the whole URL, password included.
      throw new ConfigException("DATABASE_URL is not a valid postgres:// URL");
    }
    if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
      throw new ConfigException("DATABASE_URL must look like postgres://user:password@host[:port]/database");
    }
    String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String jdbcUrl = "jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query;
    Optional<String> user = Optional.empty();
    Optional<Secret> password = Optional.empty();
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = Optional.of(decode(parts[0]));
      if (parts.length == 2 && !parts[1].isEmpty()) {
        password = Optional.of(Secret.of(decode(parts[1])));
      }
    }
    return new DatabaseTarget(jdbcUrl, user, password);
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

  private static String prefixOf(String value) {
    int colon = value.indexOf(':');
    return colon < 0 ? "" : value.substring(0, Math.min(colon + 1, 20));
  }
}
