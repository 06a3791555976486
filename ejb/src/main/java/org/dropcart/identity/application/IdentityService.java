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

  /**
   * A new access token for the user of a token that is still {@link #honours honoured}, of the same
   * token generation; audited like a sign-in. For a web session, whose own sign-in is the
   * credential: its token may have expired while the session lives on. Refuses with {@code
   * token-not-honoured} (401) once the token is signed out, the user disabled, gone or changed.
   */
  SignedIn refresh(TokenClaims token, RequestOrigin origin);

  UserView currentUser(TokenClaims token);

  /**
   * Whether a token that passed signature, issuer and expiry checks is still honoured: not signed
   * out, its user still there, enabled, and of the user's current token generation (no role change
   * or disabling since it was issued).
   */
  boolean honours(String userId, String tokenId, int tokenGeneration);

  Page<UserView> users(PageRequest page);

  UserView user(String username);

  /** An admin's listing of users: see {@link org.dropcart.identity.domain.UserRepository#list}. */
  Page<UserView> users(org.dropcart.platform.domain.Listing listing);

  /** An admin creates a user with the given role; a null or blank password is generated. */
  NewPassword create(String username, String role, String password, String actor, RequestOrigin origin);

  /**
   * An admin sets a user's password: the one typed, or a generated one when it is null or blank.
   * Every token the user holds stops counting (a new token generation), and a lockout ends.
   */
  NewPassword resetPassword(String username, String password, String actor, RequestOrigin origin);

  UserView change(String username, UserChange change, String actor, RequestOrigin origin);

  /** Creates the first admin from configuration when no enabled admin exists. */
  void ensureAdminExists();

  int purgeExpiredRevocations();

  /** How many users there are (the console dashboard). */
  long countUsers();
}
