package dev.workstreams.adapter.github.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SignatureException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Test;

class AppJwtTest {

  private static final TestKeys KEYS = TestKeys.generate();
  private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");

  private final AppJwt jwt = new AppJwt(AppCredentials.of(4242, KEYS.pkcs1Pem()), Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void signsWithRs256ForTheAppWithABackdatedIssueTimeAndANineMinuteLife() {
    Jws<Claims> parsed = Jwts.parser()
        .verifyWith(KEYS.publicKey())
        .clock(() -> Date.from(NOW))
        .build()
        .parseSignedClaims(jwt.create());

    Claims claims = parsed.getPayload();
    assertEquals("RS256", parsed.getHeader().getAlgorithm());
    assertEquals("4242", claims.getIssuer());
    assertEquals(NOW.minusSeconds(60), claims.getIssuedAt().toInstant());
    assertEquals(NOW.minusSeconds(60).plus(Duration.ofMinutes(9)), claims.getExpiration().toInstant());
    assertTrue(Duration.between(NOW, claims.getExpiration().toInstant()).compareTo(Duration.ofMinutes(10)) <= 0,
        "GitHub refuses an exp more than 10 minutes ahead");
  }

  @Test
  void isSignedByTheAppKeyOnly() {
    TestKeys other = TestKeys.generate();

    assertThrows(SignatureException.class, () -> Jwts.parser()
        .verifyWith(other.publicKey())
        .clock(() -> Date.from(NOW))
        .build()
        .parseSignedClaims(jwt.create()));
  }
}
