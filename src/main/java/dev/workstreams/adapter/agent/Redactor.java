package dev.workstreams.adapter.agent;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Blanks secrets out of text as {@code ***}. Values shorter than four characters are left alone:
 * they cannot be credentials, and blanking every "1" or "on" would garble the log.
 */
public final class Redactor {

  static final int MIN_LENGTH = 4;
  /** Derived forms shorter than this (a short secret's base64 core) would blank ordinary words. */
  private static final int MIN_DERIVED_LENGTH = 8;

  private final List<String> secrets;

  Redactor(Collection<String> secrets) {
    // Longest first, so that a secret containing another is blanked whole.
    this.secrets = secrets.stream()
        .filter(s -> s != null && s.length() >= MIN_LENGTH)
        .distinct()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .toList();
  }

  /**
   * Blanks each secret in the forms it leaks in: as written; base64 (standard and URL alphabet, at
   * any of the three alignments it can have inside a longer encoded text, so {@code env | base64
   * -w0} is caught too); URL-encoded; a PEM key's body lines one by one (logs are redacted line by
   * line) and joined, and the key with literal {@code \n} as in {@code PRIVATE_KEY}.
   */
  public static Redactor expanding(Collection<String> secrets) {
    Set<String> forms = new LinkedHashSet<>();
    for (String secret : secrets) {
      if (secret == null || secret.length() < MIN_LENGTH) {
        continue;
      }
      forms.add(secret);
      List<String> derived = new ArrayList<>();
      derived.addAll(base64(secret));
      derived.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
      derived.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
      if (secret.contains("-----BEGIN")) {
        derived.addAll(pemBody(secret));
      }
      derived.stream().filter(f -> f.length() >= MIN_DERIVED_LENGTH).forEach(forms::add);
    }
    return new Redactor(forms);
  }

  public String redact(String text) {
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, "***");
    }
    return out;
  }

  /**
   * The same, for text decoded byte for byte as ISO-8859-1 (how the log file is rewritten, so that
   * output that is not valid UTF-8 survives untouched): each secret is matched by its UTF-8 bytes.
   */
  String redactBytes(String latin1Text) {
    String out = latin1Text;
    for (String secret : secrets) {
      out = out.replace(new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1), "***");
    }
    return out;
  }

  /** The characters of the encoding that depend on the secret's bytes only, for 0, 1 or 2 bytes before it. */
  private static List<String> base64(String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    List<String> forms = new ArrayList<>();
    forms.add(Base64.getEncoder().encodeToString(bytes));
    for (int before = 0; before < 3; before++) {
      byte[] shifted = new byte[before + bytes.length];
      System.arraycopy(bytes, 0, shifted, before, bytes.length);
      String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
      int from = (before * 8 + 5) / 6;
      int to = shifted.length * 8 / 6;
      if (to > from) {
        String core = encoded.substring(from, to);
        forms.add(core);
        forms.add(core.replace('+', '-').replace('/', '_'));
      }
    }
    return forms;
  }

  private static List<String> pemBody(String pem) {
    List<String> body = pem.replace("\\n", "\n").lines().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("-----")).toList();
    List<String> forms = new ArrayList<>(body);
    forms.add(String.join("", body));
    forms.add(pem.replace("\n", "\\n"));
    return forms;
  }
}
