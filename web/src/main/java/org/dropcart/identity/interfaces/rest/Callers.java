package org.dropcart.identity.interfaces.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.dropcart.identity.application.RequestOrigin;
import org.dropcart.identity.application.TokenClaims;
import org.dropcart.identity.domain.Role;
import org.dropcart.platform.application.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Turns what the container knows about a caller into the identity context's values. */
public final class Callers {
  private Callers() {}

  /** The claims identity rules need; a token without a token generation counts as generation 0. */
  public static TokenClaims claims(JsonWebToken jwt) {
    Object generation = jwt.getClaim(TokenClaims.GENERATION_CLAIM);
    return new TokenClaims(
        jwt.getSubject(),
        jwt.getName(),
        jwt.getTokenID(),
        generation instanceof Number n ? n.intValue() : generationOf(generation),
        Instant.ofEpochSecond(jwt.getExpirationTime()));
  }

  private static int generationOf(Object claim) {
    // MP-JWT hands numeric claims over as JSON-P numbers.
    return claim instanceof jakarta.json.JsonNumber n ? n.intValue() : 0;
  }

  /** The verified caller as every context's access rules see it. */
  public static Caller caller(JsonWebToken jwt) {
    return new Caller(jwt.getSubject(), jwt.getName(), jwt.getGroups().contains(Role.ADMIN_NAME));
  }

  public static RequestOrigin origin(HttpServletRequest request) {
    return new RequestOrigin(request.getRemoteAddr());
  }
}
