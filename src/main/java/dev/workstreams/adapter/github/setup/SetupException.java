package dev.workstreams.adapter.github.setup;

/** The setup cannot go on. The message is for the person at the setup page and holds no secret. */
public final class SetupException extends Exception {

  /** What went wrong, for the page to choose its wording and status. */
  public enum Reason {
    /** The {@code state} is unknown, expired or used: a replay, a stale tab, or someone else's link. */
    INVALID_STATE,
    /** GitHub did not turn the code into an App (expired, used, or GitHub failed). */
    EXCHANGE_FAILED,
    /** Credentials are already stored; a second setup would orphan or overwrite them. */
    ALREADY_REGISTERED
  }

  private final Reason reason;

  public SetupException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
