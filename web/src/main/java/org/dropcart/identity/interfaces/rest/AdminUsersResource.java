package org.dropcart.identity.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.dropcart.identity.application.IdentityService;
import org.dropcart.identity.application.UserChange;
import org.dropcart.identity.application.UserView;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.interfaces.rest.Queries;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.opentracing.Traced;

/** Admins list users, change a user's role, and disable or re-enable a user. */
@Path("admin/users")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
@Traced
public class AdminUsersResource {
  @Inject private IdentityService identity;
  @Inject private JsonWebToken jwt;
  @Context private HttpServletRequest request;

  @GET
  @Operation(summary = "Users in name order, paged")
  public Page<UserView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
    return identity.users(Queries.page(page, size));
  }

  @GET
  @Path("{username}")
  @Operation(summary = "One user")
  public UserView one(@PathParam("username") String username) {
    return identity.user(username);
  }

  @PATCH
  @Path("{username}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change role and/or enabled; the user's earlier tokens stop working")
  public UserView change(@PathParam("username") String username, UserChange body) {
    return identity.change(username, body, jwt.getName(), Callers.origin(request));
  }
}
