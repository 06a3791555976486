package org.dropcart.identity.application;

import org.dropcart.identity.domain.User;

/** Signs access tokens that the MicroProfile JWT layer will verify. */
public interface TokenIssuer {
  IssuedToken issue(User user);
}
