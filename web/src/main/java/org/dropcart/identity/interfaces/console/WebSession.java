package org.dropcart.identity.interfaces.console;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import org.dropcart.identity.application.IssuedToken;
import org.dropcart.identity.application.SignedIn;
import org.dropcart.identity.application.TokenClaims;
import org.dropcart.identity.domain.Role;
import org.dropcart.platform.application.Caller;

/**
 * Who is signed in to the console or the portal in this browser session, with the access token
 * their sign-in was issued. The token is what the portal's scripts present to the API, and what
 * {@link SessionGuard} checks on every page: signing out, disabling the user or changing their
 * role ends the session as it ends the token.
 */
@Named
@SessionScoped
public class WebSession implements Serializable {
  private static final long serialVersionUID = 1L;

  private String userId;
  private String username;
  private String role;
  private IssuedToken token;

  void open(SignedIn signedIn) {
    this.userId = signedIn.user().userId();
    this.username = signedIn.user().username();
    this.role = signedIn.user().role();
    this.token = signedIn.token();
  }

  void close() {
    userId = null;
    username = null;
    role = null;
    token = null;
  }

  public boolean isOpen() {
    return token != null;
  }

  public String getUsername() {
    return username;
  }

  public String getRole() {
    return role;
  }

  public boolean isAdmin() {
    return "admin".equals(role);
  }

  /** The signed-in person as the application services' access rules see them. */
  public Caller caller() {
    if (!isOpen()) {
      throw new org.dropcart.platform.domain.UnauthorizedException("signed-out", "Sign in again");
    }
    return new Caller(userId, username, Role.ADMIN_NAME.equals(role));
  }

  /** The bearer token the pages' scripts send to the API. */
  public String getAccessToken() {
    return token == null ? null : token.token();
  }

  /** Seconds until the access token expires (the portal signs in again before). */
  public long getAccessTokenSecondsLeft() {
    return token == null ? 0 : Math.max(0, token.expiresAt().getEpochSecond() - Instant.now().getEpochSecond());
  }

  Optional<TokenClaims> claims() {
    if (token == null) {
      return Optional.empty();
    }
    return Optional.of(new TokenClaims(userId, username, token.tokenId(), token.generation(), token.expiresAt()));
  }
}
