package dev.workstreams.adapter.github.auth;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;

/** An RSA key made for one test run, in the PEM forms GitHub and OpenSSL write. Never committed. */
public record TestKeys(KeyPair pair) {

  public static TestKeys generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return new TestKeys(generator.generateKeyPair());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public PublicKey publicKey() {
    return pair.getPublic();
  }

  /** {@code BEGIN PRIVATE KEY}: Java's own encoding. */
  public String pkcs8Pem() {
    return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
  }

  /** {@code BEGIN RSA PRIVATE KEY}: what GitHub hands out, unwrapped from the PKCS#8 DER. */
  public String pkcs1Pem() {
    return pem("RSA PRIVATE KEY", pkcs1Der());
  }

  /** The PKCS#1 PEM on one line with literal {@code \n}, as people put it in an environment variable. */
  public String pkcs1OneLine() {
    return pkcs1Pem().replace("\n", "\\n");
  }

  /** The base64 text of the PKCS#1 body, without line breaks: must never appear in output. */
  public String pkcs1Base64() {
    return Base64.getEncoder().encodeToString(pkcs1Der());
  }

  /** PrivateKeyInfo is SEQUENCE { INTEGER version, SEQUENCE algorithm, OCTET STRING pkcs1 }. */
  byte[] pkcs1Der() {
    byte[] der = pair.getPrivate().getEncoded();
    int[] outer = element(der, 0);
    int[] version = element(der, outer[1]);
    int[] algorithm = element(der, version[1] + version[2]);
    int[] key = element(der, algorithm[1] + algorithm[2]);
    return Arrays.copyOfRange(der, key[1], key[1] + key[2]);
  }

  /** @return {tag, content start, content length} of the DER element at {@code offset} */
  private static int[] element(byte[] der, int offset) {
    int tag = der[offset] & 0xff;
    int first = der[offset + 1] & 0xff;
    if (first < 0x80) {
      return new int[] {tag, offset + 2, first};
    }
    int count = first & 0x7f;
    int length = 0;
    for (int i = 0; i < count; i++) {
      length = (length << 8) | (der[offset + 2 + i] & 0xff);
    }
    return new int[] {tag, offset + 2 + count, length};
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
