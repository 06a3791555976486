package org.dropcart.cart.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/** The digests a cart request may name for a file's {@code hashsum} (Python hashlib names). */
public enum HashType {
  MD5("MD5"),
  SHA1("SHA-1"),
  SHA256("SHA-256"),
  SHA512("SHA-512");

  private final String algorithm;

  HashType(String algorithm) {
    this.algorithm = algorithm;
  }

  /** The type a request names ({@code md5}, {@code sha1}, {@code sha256}, {@code sha512}). */
  public static Optional<HashType> named(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.trim().toLowerCase(Locale.ROOT).replace("-", "");
    for (HashType t : values()) {
      if (t.name().toLowerCase(Locale.ROOT).equals(n)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  public MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is part of every JDK", e);
    }
  }

  /** Hex digits of a digest of this type. */
  public int hexLength() {
    return newDigest().getDigestLength() * 2;
  }
}
