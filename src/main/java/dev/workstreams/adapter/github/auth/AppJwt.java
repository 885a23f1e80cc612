package dev.workstreams.adapter.github.auth;

import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Signs the JSON Web Tokens that authenticate the App itself ("Generating a JSON Web Token (JWT)
 * for a GitHub App"): RS256, {@code iss} = App id, {@code iat} 60 s in the past to allow for clock
 * drift, and {@code exp} 9 minutes after {@code iat}, inside GitHub's 10-minute limit.
 */
public final class AppJwt {

  static final Duration BACKDATE = Duration.ofSeconds(60);
  static final Duration LIFETIME = Duration.ofMinutes(9);

  private final AppCredentials credentials;
  private final Clock clock;

  public AppJwt(AppCredentials credentials, Clock clock) {
    this.credentials = credentials;
    this.clock = clock;
  }

  /** A fresh JWT; cheap enough (one RSA signature) to make for every App call. */
  public String create() {
    Instant issuedAt = clock.instant().minus(BACKDATE);
    return Jwts.builder()
        .issuer(Long.toString(credentials.appId()))
        .issuedAt(Date.from(issuedAt))
        .expiration(Date.from(issuedAt.plus(LIFETIME)))
        .signWith(credentials.privateKey(), Jwts.SIG.RS256)
        .compact();
  }

  public long appId() {
    return credentials.appId();
  }
}
