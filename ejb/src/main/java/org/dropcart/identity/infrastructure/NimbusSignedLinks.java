package org.dropcart.identity.infrastructure;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.dropcart.platform.application.SignedLinks;
import org.eclipse.microprofile.config.Config;

/**
 * Signed links as compact HS256 JWS tokens ({@code sub} the purpose, {@code aud} {@value
 * #AUDIENCE}, {@code exp}). The MAC key is derived from the token signing key (SHA-256 over a label
 * and the private key), so it survives restarts, is the same on every node that shares the key,
 * and changes when that key is rotated.
 */
@ApplicationScoped
public class NimbusSignedLinks implements SignedLinks {
  static final String AUDIENCE = "dropcart-link";
  private static final byte[] LABEL = "dropcart signed links v1".getBytes(StandardCharsets.UTF_8);

  @Inject private Config config;
  @Inject private Clock clock;

  private volatile byte[] key;

  public NimbusSignedLinks() {}

  /** Outside a container (tests). */
  NimbusSignedLinks(byte[] key, Clock clock) {
    this.key = key.clone();
    this.clock = clock;
  }

  private byte[] key() {
    byte[] k = key;
    if (k == null) {
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(LABEL);
        k = sha.digest(SigningKeys.get(config).getPrivate().getEncoded());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      key = k;
    }
    return k;
  }

  @Override
  public String sign(String purpose, Instant expiry) {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(purpose).audience(AUDIENCE)
        .expirationTime(Date.from(expiry)).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(new MACSigner(key()));
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a link", e);
    }
    return jwt.serialize();
  }

  @Override
  public Check check(String token, String purpose) {
    if (token == null || token.isBlank() || token.length() > 4096) {
      return Check.INVALID;
    }
    try {
      SignedJWT jwt = SignedJWT.parse(token.trim());
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key()))) {
        return Check.INVALID;
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      if (!purpose.equals(claims.getSubject()) || !claims.getAudience().contains(AUDIENCE)
          || claims.getExpirationTime() == null) {
        return Check.INVALID;
      }
      return claims.getExpirationTime().toInstant().isAfter(clock.instant()) ? Check.VALID : Check.EXPIRED;
    } catch (ParseException | JOSEException | RuntimeException e) {
      return Check.INVALID;
    }
  }
}
