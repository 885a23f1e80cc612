package dev.workstreams.adapter.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

  static final String SECRET = "whsec/Ab+Cd=Ef:0123456789";

  final Redactor redactor = Redactor.expanding(List.of(SECRET));

  @Test
  void blanksASecretAsWrittenUrlEncodedAndInBase64() {
    assertEquals("raw *** end", redactor.redact("raw " + SECRET + " end"));
    assertEquals("k=*** end", redactor.redact("k=" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8) + " end"));
    assertEquals("b64 *** end", redactor.redact("b64 " + Base64.getEncoder().encodeToString(SECRET.getBytes()) + " end"));
  }

  @Test
  void blanksTheBase64OfASecretInsideALongerEncodedTextAtEveryAlignment() {
    for (String before : List.of("", "A", "AB", "ABC", "WEBHOOK_SECRET=")) {
      String encoded = Base64.getEncoder().encodeToString((before + SECRET + "\n").getBytes(StandardCharsets.UTF_8));
      String urlSafe = Base64.getUrlEncoder().encodeToString((before + SECRET).getBytes(StandardCharsets.UTF_8));
      for (String text : List.of(encoded, urlSafe)) {
        String redacted = redactor.redact(text);
        // The 25 bytes of the secret are 33 or more characters of base64; what is left must lack nearly all of them.
        assertTrue(redacted.contains("***") && text.length() - redacted.replace("***", "").length() >= 30,
            before + ": " + text + " became " + redacted);
      }
    }
  }

  @Test
  void blanksEachBodyLineOfAPemKeyAndTheKeyWithLiteralNewlines() {
    String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx1aaaaaaaaaaaaaaaaaaaaaaaaaaaa\nbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n"
        + "-----END RSA PRIVATE KEY-----\n";
    Redactor keys = Redactor.expanding(List.of(pem));

    assertEquals("line ***", keys.redact("line MIIEowIBAAKCAQEAx1aaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    assertEquals("***", keys.redact("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"));
    assertEquals("PRIVATE_KEY=***", keys.redact("PRIVATE_KEY=" + pem.replace("\n", "\\n")));
  }

  @Test
  void leavesShortValuesAlone() {
    assertEquals("on 1 abc", Redactor.expanding(List.of("on", "1", "abc")).redact("on 1 abc"));
  }
}
