package org.dropcart.identity.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.dropcart.platform.domain.InvalidInputException;

/**
 * What a user may do across Dropcart. {@code admin} runs the system; {@code user} works in the pools
 * they belong to; {@code service} is a machine's account (FaaS workers, processors, operators'
 * scripts) for the registry. The name is what tokens carry in their {@code groups} claim.
 */
public enum Role {
  ADMIN,
  USER,
  SERVICE;

  public static final String ADMIN_NAME = "admin";
  public static final String USER_NAME = "user";
  public static final String SERVICE_NAME = "service";

  /** The lower-case name used on the wire and in tokens. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromWireName(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("role", "is required");
    }
    return Arrays.stream(values())
        .filter(r -> r.wireName().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "role",
                    "must be one of "
                        + Arrays.stream(values()).map(Role::wireName).collect(Collectors.joining(", "))));
  }
}
