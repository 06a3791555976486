package org.dropcart.identity.application;

import java.util.Optional;
import org.dropcart.platform.application.Caller;

/**
 * Verifies an access token presented outside the HTTP request path that MicroProfile JWT guards
 * (the WebSocket gateway): signature, issuer and expiry, then whether Dropcart still honours it.
 */
public interface AccessTokens {
  /** The caller the token stands for, or empty when it is not a valid, honoured token. */
  Optional<Caller> verify(String token);
}
