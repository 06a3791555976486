package org.dropcart.identity.application;

import org.dropcart.platform.domain.Page;
import org.dropcart.platform.domain.PageRequest;

/**
 * Users, their sign-in and their access tokens. Every method either succeeds completely or leaves
 * nothing behind; refusals are {@link org.dropcart.platform.domain.DropcartException}s, except
 * sign-in refusals, which are {@link LoginOutcome}s because they must be counted.
 */
public interface IdentityService {
  /** Creates a user with role {@code user} and signs them in. */
  SignedIn signUp(String username, String password, RequestOrigin origin);

  LoginOutcome logIn(String username, String password, RequestOrigin origin);

  /** Revokes the presented token; {@code username} must be the token's own user. */
  void logOut(String username, TokenClaims token, RequestOrigin origin);

  UserView currentUser(TokenClaims token);

  /**
   * Whether a token that passed signature, issuer and expiry checks is still honoured: not signed
   * out, its user still there, enabled, and of the user's current token generation (no role change
   * or disabling since it was issued).
   */
  boolean honours(String userId, String tokenId, int tokenGeneration);

  Page<UserView> users(PageRequest page);

  UserView user(String username);

  UserView change(String username, UserChange change, String actor, RequestOrigin origin);

  /** Creates the first admin from configuration when no enabled admin exists. */
  void ensureAdminExists();

  int purgeExpiredRevocations();

  /** How many users there are (the console dashboard). */
  long countUsers();
}
