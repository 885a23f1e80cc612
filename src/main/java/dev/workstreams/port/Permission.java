package dev.workstreams.port;

import java.util.Locale;

/** A person's permission on a repository, as GitHub's collaborator permission API names it. */
public enum Permission {
  NONE,
  READ,
  TRIAGE,
  WRITE,
  MAINTAIN,
  ADMIN;

  /** Write, maintain or admin: who may start plans and give commands. */
  public boolean canWrite() {
    return this == WRITE || this == MAINTAIN || this == ADMIN;
  }

  /** GitHub answers {@code admin|write|read|none} in {@code permission} and finer names in {@code role_name}. */
  public static Permission parse(String text) {
    if (text == null) {
      return NONE;
    }
    switch (text.toLowerCase(Locale.ROOT)) {
      case "admin": return ADMIN;
      case "maintain": return MAINTAIN;
      case "write": case "push": return WRITE;
      case "triage": return TRIAGE;
      case "read": case "pull": return READ;
      default: return NONE;
    }
  }
}
