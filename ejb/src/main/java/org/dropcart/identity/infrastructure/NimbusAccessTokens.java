package org.dropcart.identity.infrastructure;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.dropcart.identity.application.AccessTokens;
import org.dropcart.identity.application.IdentityService;
import org.dropcart.identity.application.IdentitySettings;
import org.dropcart.identity.application.TokenClaims;
import org.dropcart.identity.domain.Role;
import org.dropcart.platform.application.Caller;
import org.eclipse.microprofile.config.Config;

/** Verifies the RS256 tokens {@link NimbusTokenIssuer} signs, with the same key and the same rules as the REST layer. */
@ApplicationScoped
public class NimbusAccessTokens implements AccessTokens {
  @Inject private Config config;
  @Inject private IdentitySettings settings;
  @Inject private IdentityService identity;
  @Inject private Clock clock;

  @Override
  public Optional<Caller> verify(String token) {
    if (token == null || token.isBlank() || token.length() > 8192) {
      return Optional.empty();
    }
    try {
      SignedJWT jwt = SignedJWT.parse(token.trim());
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
          || !jwt.verify(new RSASSAVerifier((RSAPublicKey) SigningKeys.get(config).getPublic()))) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date expiry = claims.getExpirationTime();
      if (!settings.issuer().equals(claims.getIssuer()) || !claims.getAudience().contains(settings.audience())
          || claims.getNotBeforeTime() != null
              && claims.getNotBeforeTime().toInstant().isAfter(clock.instant().plusSeconds(60))
          || expiry == null
          || !expiry.toInstant().isAfter(clock.instant()) || claims.getSubject() == null || claims.getJWTID() == null) {
        return Optional.empty();
      }
      Object generation = claims.getClaim(TokenClaims.GENERATION_CLAIM);
      if (!identity.honours(claims.getSubject(), claims.getJWTID(),
          generation instanceof Number n ? n.intValue() : 0)) {
        return Optional.empty();
      }
      List<String> groups = claims.getStringListClaim("groups");
      String name = claims.getStringClaim("upn");
      return Optional.of(new Caller(claims.getSubject(), name == null ? claims.getSubject() : name,
          groups != null && groups.contains(Role.ADMIN_NAME)));
    } catch (ParseException | JOSEException | ClassCastException e) {
      return Optional.empty();
    }
  }
}
