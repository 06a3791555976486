package org.dropcart.identity.application;

import java.time.Instant;
import org.dropcart.identity.domain.User;

/** A user as callers outside the identity context see it: never the password hash. */
public record UserView(String userId, String username, String role, boolean enabled, Instant createdAt) {
  public static UserView of(User user) {
    return new UserView(
        user.id(), user.username().value(), user.role().wireName(), user.isEnabled(), user.createdAt());
  }
}
