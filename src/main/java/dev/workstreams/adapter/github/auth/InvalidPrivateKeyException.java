package dev.workstreams.adapter.github.auth;

/**
 * The App's private key cannot be used. The message says why and what to do; it never contains
 * the key or any part of it, and no cause is kept, since a parser's message might quote bytes.
 */
public final class InvalidPrivateKeyException extends IllegalArgumentException {

  public InvalidPrivateKeyException(String message) {
    super(message);
  }
}
