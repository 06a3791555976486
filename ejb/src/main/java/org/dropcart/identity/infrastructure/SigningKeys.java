package org.dropcart.identity.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.dropcart.platform.infrastructure.config.DataDirectory;
import org.eclipse.microprofile.config.Config;

/**
 * The RSA key pair that signs Dropcart's access tokens. It is read from {@code
 * dropcart.jwt.private-key-location} (a PKCS#8 PEM file) when that is set; otherwise from {@code
 * keys/jwt-signing-key.pem} under the data directory, generated (RSA 3072, mode 600) on first start.
 * Keeping one file holding the private key, and deriving the public key from it, means two nodes
 * starting together on a shared data directory can never end up with halves of different pairs.
 */
public final class SigningKeys {
  static final String LOCATION_KEY = "dropcart.jwt.private-key-location";
  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";
  private static volatile KeyPair cached;

  private SigningKeys() {}

  public static KeyPair get(Config config) {
    KeyPair keys = cached;
    if (keys == null) {
      synchronized (SigningKeys.class) {
        if (cached == null) {
          cached = load(config);
        }
        keys = cached;
      }
    }
    return keys;
  }

  /** The public key as one line of base64 (X.509 SubjectPublicKeyInfo), as MP-JWT reads it. */
  public static String publicKeyBase64(Config config) {
    return Base64.getEncoder().encodeToString(get(config).getPublic().getEncoded());
  }

  private static KeyPair load(Config config) {
    Optional<String> configured = config.getOptionalValue(LOCATION_KEY, String.class);
    Path file =
        configured
            .map(Path::of)
            .orElseGet(() -> DataDirectory.subdirectory(config, "keys").resolve("jwt-signing-key.pem"));
    try {
      if (configured.isEmpty() && !Files.exists(file)) {
        generate(file);
      }
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the token signing key " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The token signing key " + file + " is not an RSA PKCS#8 key", e);
    }
  }

  private static void generate(Path file) throws IOException, GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(3072);
    String pem =
        BEGIN + "\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
            + "\n" + END + "\n";
    Path tmp = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
      // A hard link fails when the name exists; a rename would silently replace the other's key.
      Files.createLink(file, tmp);
    } catch (FileAlreadyExistsException anotherNodeWasFirst) {
      // Keep theirs: both nodes then sign with the same key.
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static KeyPair read(Path file) throws IOException, GeneralSecurityException {
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    int begin = pem.indexOf(BEGIN);
    int end = pem.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new GeneralSecurityException("no PKCS#8 PEM block");
    }
    byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
    KeyFactory rsa = KeyFactory.getInstance("RSA");
    if (!(rsa.generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey key)) {
      throw new GeneralSecurityException("the key carries no public exponent");
    }
    RSAPublicKey pub =
        (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    return new KeyPair(pub, key);
  }
}
