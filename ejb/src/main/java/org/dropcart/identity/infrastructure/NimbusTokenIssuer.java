package org.dropcart.identity.infrastructure;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.dropcart.identity.application.IdentitySettings;
import org.dropcart.identity.application.IssuedToken;
import org.dropcart.identity.application.TokenClaims;
import org.dropcart.identity.application.TokenIssuer;
import org.dropcart.identity.domain.User;
import org.eclipse.microprofile.config.Config;

/**
 * Signs RS256 access tokens in the MicroProfile JWT shape: {@code iss}, {@code sub} (the user id),
 * {@code upn} (the user name, which becomes the caller principal), {@code groups} (the role),
 * {@code jti}, {@code iat}, {@code exp}, {@code gen} (the user's token generation), header {@code
 * typ=JWT}.
 */
@ApplicationScoped
public class NimbusTokenIssuer implements TokenIssuer {
  @Inject private Config config;
  @Inject private IdentitySettings settings;
  @Inject private Clock clock;

  @Override
  public IssuedToken issue(User user) {
    Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = issuedAt.plus(settings.tokenLifetime());
    String tokenId = UUID.randomUUID().toString();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(settings.issuer())
            .audience(settings.audience())
            .subject(user.id())
            .claim("upn", user.username().value())
            .claim("groups", List.of(user.role().wireName()))
            .claim(TokenClaims.GENERATION_CLAIM, user.tokenGeneration())
            .jwtID(tokenId)
            .issueTime(Date.from(issuedAt))
            .expirationTime(Date.from(expiresAt))
            .build();
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(new RSASSASigner(SigningKeys.get(config).getPrivate()));
    } catch (JOSEException e) {
      throw new IllegalStateException("Could not sign an access token", e);
    }
    return new IssuedToken(jwt.serialize(), tokenId, user.tokenGeneration(), issuedAt, expiresAt);
  }
}
