package org.dropcart.identity.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.json.JsonNumber;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.time.Duration;
import org.dropcart.identity.application.IdentityService;
import org.dropcart.platform.interfaces.rest.Problem;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * MicroProfile JWT checks a token's signature, issuer, audience and expiry; this filter adds, on
 * every request and before any role check, what Payara's implementation leaves out (a token whose
 * {@code nbf} is still ahead is not valid yet) and what only Dropcart knows: the token has not been
 * signed out, and its user still exists, is enabled and has not been changed since it was issued.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 10)
public class TokenStatusFilter implements ContainerRequestFilter {
  /** Clocks of the nodes of a cluster may differ by this much. */
  private static final Duration SKEW = Duration.ofSeconds(60);

  @Inject private IdentityService identity;
  @Inject private Clock clock;
  @Context private HttpServletRequest request;

  @Override
  public void filter(ContainerRequestContext context) {
    if (!(context.getSecurityContext().getUserPrincipal() instanceof JsonWebToken jwt)) {
      return;
    }
    Object notBefore = jwt.getClaim(Claims.nbf.name());
    long nbf = notBefore instanceof JsonNumber n ? n.longValue() : notBefore instanceof Number n ? n.longValue() : 0;
    if (nbf > clock.instant().plus(SKEW).getEpochSecond()) {
      context.abortWith(
          Problem.of(401, "token-not-yet-valid", "This token is not valid yet (nbf); sign in again")
              .response(request)
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
              .build());
      return;
    }
    var claims = Callers.claims(jwt);
    if (!identity.honours(claims.userId(), claims.tokenId(), claims.generation())) {
      context.abortWith(
          Problem.of(401, "token-revoked",
                  "This token was signed out, or its user was disabled or changed; sign in again")
              .response(request)
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
              .build());
    }
  }
}
