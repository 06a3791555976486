package org.dropcart.support;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Tokens an attacker (or a clock) could present: signed with the server's real key but with bad
 * claims, signed with another key, unsigned, or altered after signing.
 */
public final class ForgedTokens {
  private final Path dataDirectory;

  public ForgedTokens(Path dataDirectory) {
    this.dataDirectory = dataDirectory;
  }

  /** Claims as the server issues them for this user, adjustable by the caller. */
  public static JWTClaimsSet.Builder claimsFor(String userId, String username, String role) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer("dropcart")
        .audience("dropcart")
        .subject(userId)
        .claim("upn", username)
        .claim("groups", List.of(role))
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600)));
  }

  public String signedWithServerKey(JWTClaimsSet claims) throws Exception {
    return sign(claims, serverKey());
  }

  public static String signedWithOtherKey(JWTClaimsSet claims) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    return sign(claims, g.generateKeyPair().getPrivate());
  }

  public static String unsigned(JWTClaimsSet claims) {
    return new PlainJWT(claims).serialize();
  }

  /** HS256 with the server's public key as the HMAC secret: the classic key-confusion attack. */
  public String hs256WithPublicKey(JWTClaimsSet claims, byte[] publicKeyBytes) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
    jwt.sign(new MACSigner(publicKeyBytes));
    return jwt.serialize();
  }

  /** A real token whose payload is changed after signing (e.g. promoted to admin). */
  public static String tampered(String token, Consumer<StringBuilder> edit) {
    String[] parts = token.split("\\.");
    StringBuilder payload = new StringBuilder(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    edit.accept(payload);
    return parts[0] + "." + Base64URL.encode(payload.toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
  }

  private static String sign(JWTClaimsSet claims, PrivateKey key) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  /** The server's public key as MicroProfile JWT is given it: base64 of its X.509 encoding. */
  public String serverPublicKeyBase64() throws Exception {
    java.security.interfaces.RSAPrivateCrtKey key = (java.security.interfaces.RSAPrivateCrtKey) serverKey();
    java.security.PublicKey pub = KeyFactory.getInstance("RSA")
        .generatePublic(new java.security.spec.RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    return Base64.getEncoder().encodeToString(pub.getEncoded());
  }

  private PrivateKey serverKey() throws Exception {
    String pem = Files.readString(dataDirectory.resolve("keys/jwt-signing-key.pem"));
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
  }
}
