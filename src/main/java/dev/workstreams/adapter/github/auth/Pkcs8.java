package dev.workstreams.adapter.github.auth;

import java.io.ByteArrayOutputStream;

/**
 * Wraps a PKCS#1 RSA key in a PKCS#8 {@code PrivateKeyInfo} (RFC 5208):
 * <pre>SEQUENCE { INTEGER 0, SEQUENCE { OID rsaEncryption, NULL }, OCTET STRING { pkcs1 } }</pre>
 * A few bytes of DER, so no extra library (Bouncy Castle) is needed for the key GitHub hands out.
 */
final class Pkcs8 {

  /** DER of {@code INTEGER 0}. */
  private static final byte[] VERSION = {0x02, 0x01, 0x00};
  /** DER of {@code SEQUENCE { OID 1.2.840.113549.1.1.1, NULL }}. */
  private static final byte[] RSA_ALGORITHM = {
      0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
  private static final int SEQUENCE = 0x30;
  private static final int OCTET_STRING = 0x04;

  private Pkcs8() {}

  static byte[] wrapRsaPkcs1(byte[] pkcs1) {
    byte[] key = element(OCTET_STRING, pkcs1);
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    content.writeBytes(VERSION);
    content.writeBytes(RSA_ALGORITHM);
    content.writeBytes(key);
    return element(SEQUENCE, content.toByteArray());
  }

  private static byte[] element(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    out.writeBytes(length(content.length));
    out.writeBytes(content);
    return out.toByteArray();
  }

  /** DER lengths: one byte below 128, else 0x80 + the count of big-endian length bytes that follow. */
  private static byte[] length(int length) {
    if (length < 0x80) {
      return new byte[] {(byte) length};
    }
    int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
    byte[] out = new byte[bytes + 1];
    out[0] = (byte) (0x80 | bytes);
    for (int i = 0; i < bytes; i++) {
      out[bytes - i] = (byte) (length >>> (8 * i));
    }
    return out;
  }
}
