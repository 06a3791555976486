package org.dropcart.identity.interfaces.rest;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Duration;
import java.time.Instant;
import org.dropcart.identity.application.SignedIn;
import org.dropcart.identity.application.UserView;

/** The JSON shapes of the auth API (seed 003's field names, snake_case where the seed has it). */
final class AuthMessages {
  private AuthMessages() {}

  /** Sign-up and token requests; any other field (such as {@code role}) is ignored. */
  public record Credentials(String username, String password) {}

  /** Sign-in with the name in the path. */
  public record PasswordOnly(String password) {}

  /** What sign-up and sign-in answer: who you are and the token to use from now on. */
  @JsonbPropertyOrder({"userId", "username", "role", "access_token", "token_type", "expires_in"})
  public record Grant(
      String userId,
      String username,
      String role,
      @JsonbProperty("access_token") String accessToken,
      @JsonbProperty("token_type") String tokenType,
      @JsonbProperty("expires_in") long expiresIn) {
    static Grant of(SignedIn s, Instant now) {
      return new Grant(s.user().userId(), s.user().username(), s.user().role(), s.token().token(),
          "Bearer", Math.max(0, Duration.between(now, s.token().expiresAt()).toSeconds()));
    }
  }

  @JsonbPropertyOrder({"userId", "username", "role"})
  public record Validated(String userId, String username, String role) {
    static Validated of(UserView user) {
      return new Validated(user.userId(), user.username(), user.role());
    }
  }
}
