package org.dropcart.identity.interfaces.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.dropcart.identity.application.RequestOrigin;
import org.dropcart.identity.application.TokenClaims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Turns what the container knows about a caller into the identity context's values. */
public final class Callers {
  private Callers() {}

  public static TokenClaims claims(JsonWebToken jwt) {
    return new TokenClaims(
        jwt.getSubject(),
        jwt.getName(),
        jwt.getTokenID(),
        Instant.ofEpochSecond(jwt.getIssuedAtTime()),
        Instant.ofEpochSecond(jwt.getExpirationTime()));
  }

  public static RequestOrigin origin(HttpServletRequest request) {
    return new RequestOrigin(request.getRemoteAddr());
  }
}
