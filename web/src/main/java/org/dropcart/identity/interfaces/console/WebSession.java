package org.dropcart.identity.interfaces.console;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dropcart.identity.application.IdentityService;
import org.dropcart.identity.application.IssuedToken;
import org.dropcart.identity.application.RequestOrigin;
import org.dropcart.identity.application.SignedIn;
import org.dropcart.identity.application.TokenClaims;
import org.dropcart.platform.application.Caller;
import org.dropcart.platform.domain.UnauthorizedException;

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
  /** Tokens this session was issued before its current one and that have not expired: revoked at sign-out too. */
  private final List<TokenClaims> superseded = new ArrayList<>();

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
    superseded.clear();
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

  /** The bearer token the pages' scripts send to the API. */
  public String getAccessToken() {
    return token == null ? null : token.token();
  }

  /** Seconds until the access token expires (the portal signs in again before). */
  public long getAccessTokenSecondsLeft() {
    return token == null ? 0 : Math.max(0, token.expiresAt().getEpochSecond() - Instant.now().getEpochSecond());
  }

  /** The signed-in person as every context's access rules see them (for the pages' server-side calls). */
  public Caller caller() {
    if (token == null) {
      throw new UnauthorizedException("not-signed-in", "Sign in first");
    }
    return new Caller(userId, username, isAdmin());
  }

  /**
   * The access token to hand to the pages' scripts now: the session's own while more than a third
   * of its lifetime is left, else a fresh one for the same user and token generation (the old one
   * then simply runs out). Refused once the session's token no longer counts.
   */
  public synchronized IssuedToken currentToken(IdentityService identity, RequestOrigin origin) {
    TokenClaims current = claims().orElseThrow(() -> new UnauthorizedException("not-signed-in", "Sign in first"));
    Duration lifetime = Duration.between(token.issuedAt(), token.expiresAt());
    if (Instant.now().isBefore(token.expiresAt().minus(lifetime.dividedBy(3)))) {
      return token;
    }
    SignedIn fresh = identity.refresh(current, origin);
    superseded.removeIf(c -> c.expiresAt().isBefore(Instant.now()));
    superseded.add(current);
    role = fresh.user().role();
    token = fresh.token();
    return token;
  }

  /** Earlier tokens of this session that may still be presented (until they expire). */
  synchronized List<TokenClaims> superseded() {
    return List.copyOf(superseded);
  }

  Optional<TokenClaims> claims() {
    if (token == null) {
      return Optional.empty();
    }
    return Optional.of(new TokenClaims(userId, username, token.tokenId(), token.generation(), token.expiresAt()));
  }
}
