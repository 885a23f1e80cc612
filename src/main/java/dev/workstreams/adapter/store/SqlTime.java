package dev.workstreams.adapter.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Instants as {@code TIMESTAMP WITH TIME ZONE}, the same way on H2 and PostgreSQL. */
final class SqlTime {

  private SqlTime() {}

  static OffsetDateTime of(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  static Optional<Instant> instant(ResultSet r, String column) throws SQLException {
    OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
    return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
  }
}
