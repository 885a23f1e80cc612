package dev.workstreams.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseTargetTest {

  @Test
  void convertsThePostgresUrlFormToJdbcWithCredentialsApart() {
    DatabaseTarget target = DatabaseTarget.parse("postgres://app:s3cr%40t@db.example:5433/workstreams?sslmode=require");

    assertEquals("jdbc:postgresql://db.example:5433/workstreams?sslmode=require", target.jdbcUrl());
    assertEquals(Optional.of("app"), target.user());
    assertEquals("s3cr@t", target.password().orElseThrow().reveal());
    assertTrue(target.isPostgres());
  }

  @Test
  void acceptsThePostgresqlSchemeAndADefaultPort() {
    DatabaseTarget target = DatabaseTarget.parse("postgresql://app@db/ws");

    assertEquals("jdbc:postgresql://db/ws", target.jdbcUrl());
    assertEquals(Optional.of("app"), target.user());
    assertEquals(Optional.empty(), target.password());
  }

  @Test
  void keepsAJdbcUrlAsItIs() {
    DatabaseTarget target = DatabaseTarget.parse("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    assertEquals("jdbc:postgresql://127.0.0.1:5432/test?user=postgres", target.jdbcUrl());
    assertTrue(target.isPostgres());
  }

  @Test
  void masksAPasswordInsideAJdbcUrlWhenDescribed() {
    DatabaseTarget target = DatabaseTarget.parse("jdbc:postgresql://db/ws?user=app&password=hunter2&ssl=true");

    assertEquals("jdbc:postgresql://db/ws?user=app&password=***&ssl=true", target.describe());
    assertFalse(target.toString().contains("hunter2"));
  }

  @Test
  void refusesOtherSchemesWithoutEchoingTheUrl() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> DatabaseTarget.parse("mysql://root:topsecret@db/ws"));

    assertFalse(error.getMessage().contains("topsecret"), error.getMessage());
  }

  @Test
  void refusesAMalformedPostgresUrlWithoutEchoingThePassword() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> DatabaseTarget.parse("postgres://app:top secret@db/ws"));

    assertFalse(error.getMessage().contains("top secret"), error.getMessage());
  }

  @Test
  void putsTheEmbeddedDatabaseInTheDataDir() {
    DatabaseTarget target = DatabaseTarget.embedded(Path.of("/srv/ws"));

    assertEquals("jdbc:h2:file:/srv/ws/workstreams;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;ANALYZE_AUTO=0;CACHE_SIZE=1024", target.jdbcUrl());
    assertFalse(target.isPostgres());
  }
}
