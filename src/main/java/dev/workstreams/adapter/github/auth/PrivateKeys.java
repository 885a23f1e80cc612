package dev.workstreams.adapter.github.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the App's private key from PEM text. GitHub hands out PKCS#1 ({@code BEGIN RSA PRIVATE
 * KEY}), which Java's {@code KeyFactory} does not read (and which github-api's
 * {@code JWTTokenProvider} therefore rejects); it is wrapped into PKCS#8 here. PKCS#8 ({@code BEGIN
 * PRIVATE KEY}, what {@code openssl pkcs8 -topk8 -nocrypt} writes) is read as it is.
 */
public final class PrivateKeys {

  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

  private PrivateKeys() {}

  /**
   * @param text PEM text; the literal two characters {@code \n} count as line breaks, since
   *             environment variables (PRIVATE_KEY, as Probot reads it) often carry the key on one line
   */
  public static PrivateKey fromPem(String text) {
    String pem = text.replace("\\n", "\n").replace("\r", "").strip();
    Matcher matcher = PEM.matcher(pem);
    if (!matcher.find()) {
      throw new InvalidPrivateKeyException("the App's private key is not PEM text: expected the contents of the .pem "
          + "file GitHub downloads, from -----BEGIN RSA PRIVATE KEY----- to -----END RSA PRIVATE KEY-----");
    }
    // OpenSSL's legacy encrypted PKCS#1 says so in a "Proc-Type: 4,ENCRYPTED" header inside the block.
    String kind = matcher.group(2).contains("Proc-Type:") ? "ENCRYPTED PRIVATE KEY" : matcher.group(1);
    return switch (kind) {
      case "RSA PRIVATE KEY" -> rsa(Pkcs8.wrapRsaPkcs1(base64(matcher.group(2))));
      case "PRIVATE KEY" -> rsa(base64(matcher.group(2)));
      case "ENCRYPTED PRIVATE KEY" -> throw new InvalidPrivateKeyException(
          "the App's private key is encrypted; use the unencrypted .pem file GitHub downloads");
      default -> throw new InvalidPrivateKeyException("the App's private key is a PEM \"" + kind
          + "\"; expected an RSA private key (BEGIN RSA PRIVATE KEY or BEGIN PRIVATE KEY)");
    };
  }

  private static byte[] base64(String body) {
    try {
      return Base64.getDecoder().decode(body.replaceAll("\\s+", ""));
    } catch (IllegalArgumentException e) {
      throw new InvalidPrivateKeyException("the App's private key is damaged: its PEM body is not valid base64");
    }
  }

  private static PrivateKey rsa(byte[] pkcs8) {
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new InvalidPrivateKeyException("the App's private key is damaged or not an RSA key: Java could not read it ("
          + e.getClass().getSimpleName() + ")");
    }
  }
}
