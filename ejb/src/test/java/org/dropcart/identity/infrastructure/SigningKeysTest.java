package org.dropcart.identity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dropcart.platform.infrastructure.config.DataDirectory;
import org.dropcart.support.MapConfig;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SigningKeys keeps the loaded pair in a static field, so this class has one test: the first load
 * in the JVM is the only one that touches the file system.
 */
class SigningKeysTest {

  @Test
  void generatesAnOwnerOnlyKeyFileOnceAndKeepsServingItsPair(@TempDir Path dataDir)
      throws Exception {
    Config config = new MapConfig(Map.of(DataDirectory.KEY, dataDir.toString()));
    Path file = dataDir.resolve("keys").resolve("jwt-signing-key.pem");

    KeyPair first = SigningKeys.get(config);

    assertThat(file).isRegularFile();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (var entries = Files.list(file.getParent())) {
      assertThat(entries).containsExactly(file); // no temporary file left behind
    }
    RSAPublicKey pub = (RSAPublicKey) first.getPublic();
    assertThat(pub.getModulus().bitLength()).isEqualTo(3072);
    assertThat(modulusIn(file)).isEqualTo(pub.getModulus());

    KeyPair second = SigningKeys.get(config);

    assertThat(second.getPublic().getEncoded()).isEqualTo(pub.getEncoded());
    assertThat(SigningKeys.publicKeyBase64(config))
        .isEqualTo(Base64.getEncoder().encodeToString(pub.getEncoded()));
  }

  private static BigInteger modulusIn(Path pemFile) throws Exception {
    String pem = Files.readString(pemFile);
    assertThat(pem)
        .startsWith("-----BEGIN PRIVATE KEY-----\n")
        .endsWith("-----END PRIVATE KEY-----\n");
    String body =
        pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "");
    byte[] der = Base64.getMimeDecoder().decode(body);
    var key =
        (RSAPrivateCrtKey)
            KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    return key.getModulus();
  }

}
