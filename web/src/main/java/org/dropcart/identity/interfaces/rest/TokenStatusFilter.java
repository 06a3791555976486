package org.dropcart.identity.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.dropcart.identity.application.IdentityService;
import org.dropcart.platform.interfaces.rest.Problem;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * MicroProfile JWT checks a token's signature, issuer and expiry; this filter adds what only
 * Dropcart knows, on every request and before any role check: the token has not been signed out,
 * and its user still exists, is enabled and has not been changed since the token was issued.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 10)
public class TokenStatusFilter implements ContainerRequestFilter {
  @Inject private IdentityService identity;
  @Context private HttpServletRequest request;

  @Override
  public void filter(ContainerRequestContext context) {
    if (!(context.getSecurityContext().getUserPrincipal() instanceof JsonWebToken jwt)) {
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
