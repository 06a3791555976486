package org.dropcart.upload.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.stream.Collectors;
import org.dropcart.platform.domain.InvalidInputException;

/** A tus {@code Upload-Checksum}: an algorithm ({@code md5}, {@code sha1}, {@code sha256}) and a base64 digest. */
public record Checksum(Algorithm algorithm, byte[] digest) {
  /** The algorithms Dropcart verifies, by their tus names. */
  public enum Algorithm {
    MD5("MD5"),
    SHA1("SHA-1"),
    SHA256("SHA-256");

    private final String jdkName;

    Algorithm(String jdkName) {
      this.jdkName = jdkName;
    }

    public String tusName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public MessageDigest newDigest() {
      try {
        return MessageDigest.getInstance(jdkName);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(jdkName + " is missing from this JDK", e);
      }
    }

    public static String tusNames() {
      return Arrays.stream(values()).map(Algorithm::tusName).collect(Collectors.joining(","));
    }
  }

  public static Checksum parse(String header) {
    String[] parts = header == null ? new String[0] : header.trim().split(" ");
    if (parts.length != 2) {
      throw new InvalidInputException("Upload-Checksum", "must be '<algorithm> <base64 digest>'");
    }
    Algorithm algorithm = Arrays.stream(Algorithm.values())
        .filter(a -> a.tusName().equals(parts[0].toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(() -> new InvalidInputException("Upload-Checksum",
            "algorithm must be one of " + Algorithm.tusNames()));
    try {
      return new Checksum(algorithm, Base64.getDecoder().decode(parts[1]));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("Upload-Checksum", "digest is not base64");
    }
  }

  public boolean matches(byte[] computed) {
    return MessageDigest.isEqual(digest, computed);
  }
}
