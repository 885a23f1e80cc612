package dev.workstreams.adapter.github.http;

import java.time.Duration;

/** How long to hold off before sending a request again, and why. */
record Wait(Duration duration, Cause cause) {

  enum Cause {
    SECONDARY_RATE_LIMIT("secondary rate limit"),
    PRIMARY_RATE_LIMIT("primary rate limit"),
    /** Another request of the same installation met a rate limit; this one waits it out too. */
    EARLIER_RATE_LIMIT("rate limit met by another request"),
    SERVER_ERROR("server error"),
    CONNECTION_ERROR("connection error");

    private final String words;

    Cause(String words) {
      this.words = words;
    }

    String words() {
      return words;
    }
  }

  boolean isRateLimit() {
    return cause != Cause.SERVER_ERROR && cause != Cause.CONNECTION_ERROR;
  }
}
