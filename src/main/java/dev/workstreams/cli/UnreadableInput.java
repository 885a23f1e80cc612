package dev.workstreams.cli;

/** Input the command cannot use at all; the message says which and why, for exit status 2. */
final class UnreadableInput extends Exception {

  UnreadableInput(String message) {
    super(message, null, false, false);
  }
}
