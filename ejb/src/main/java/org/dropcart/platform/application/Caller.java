package org.dropcart.platform.application;

import java.util.Objects;

/**
 * Who is making a request, as every context's access rules see it: the user's id and name and
 * whether they hold the admin role. Built by the interface layer from the verified token.
 */
public record Caller(String userId, String username, boolean admin) {
  public Caller {
    Objects.requireNonNull(userId, "A caller has a user id.");
    Objects.requireNonNull(username, "A caller has a user name.");
  }

  /** Refuses anyone but an admin: 403 {@code forbidden}, "Only admins {@code action}". */
  public void requireAdmin(String action) {
    if (!admin) {
      throw new org.dropcart.platform.domain.ForbiddenException("forbidden", "Only admins " + action);
    }
  }
}
