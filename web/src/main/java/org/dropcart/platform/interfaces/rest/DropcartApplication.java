package org.dropcart.platform.interfaces.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Dropcart's HTTP API under {@code /api}. Callers authenticate with RS256 bearer tokens verified by
 * MicroProfile JWT; the token's {@code groups} claim carries the role.
 */
@ApplicationPath("api")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"admin", "user", "service"})
@OpenAPIDefinition(
    tags = {
      @Tag(name = "auth", description = "Accounts and access tokens"),
      @Tag(name = "pools", description = "Pools of client applications and their members"),
      @Tag(name = "uploads", description = "Resumable uploads (tus 1.0.0) into a pool"),
      @Tag(name = "admin", description = "Operating Dropcart: users, audit log, batch jobs")
    },
    info =
        @Info(
            title = "Dropcart",
            version = "0.1.0",
            description =
                "File drop hub for client pools: accounts and tokens, resumable uploads, timestamp"
                    + " grouping, result fan-out, data carts, imports and functions. Errors are"
                    + " RFC 9457 problem bodies (application/problem+json)."))
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class DropcartApplication extends Application {
  @Override
  public Map<String, Object> getProperties() {
    // Error statuses keep their problem body instead of being handed to the container's error page.
    return Map.of("jersey.config.server.response.setStatusOverSendError", true);
  }
}
