package org.dropcart.identity.interfaces.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import org.dropcart.identity.application.IdentityService;
import org.dropcart.identity.application.LoginOutcome;
import org.dropcart.identity.application.SignedIn;
import org.dropcart.identity.interfaces.rest.AuthMessages.Credentials;
import org.dropcart.identity.interfaces.rest.AuthMessages.Grant;
import org.dropcart.identity.interfaces.rest.AuthMessages.PasswordOnly;
import org.dropcart.identity.interfaces.rest.AuthMessages.Validated;
import org.dropcart.platform.interfaces.rest.Bodies;
import org.dropcart.platform.interfaces.rest.Problem;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.opentracing.Traced;

/** Seed 003's auth service: sign up, sign in, sign out, validate a token. */
@Path("auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "auth")
@Traced
public class AuthResource {
  @Inject private IdentityService identity;
  @Inject private JsonWebToken jwt;
  @Inject private Clock clock;
  @Context private HttpServletRequest request;
  @Context private UriInfo uri;

  @POST
  @Path("signup")
  @PermitAll
  @Operation(summary = "Create an account (role user) and sign in")
  public Response signUp(Credentials body) {
    Credentials c = Bodies.required(body);
    SignedIn signedIn = identity.signUp(c.username(), c.password(), Callers.origin(request));
    return Response.created(
            uri.getBaseUriBuilder().path("admin/users/{u}").build(signedIn.user().username()))
        .entity(Grant.of(signedIn, clock.instant()))
        .build();
  }

  @PUT
  @Path("login/{username}")
  @PermitAll
  @Operation(summary = "Sign in; 401 for a wrong name or password, 429 after repeated failures")
  public Response logIn(@PathParam("username") String username, PasswordOnly body) {
    return answer(identity.logIn(username, Bodies.required(body).password(), Callers.origin(request)));
  }

  @POST
  @Path("token")
  @PermitAll
  @Operation(summary = "Sign in with name and password in the body; same answers as login")
  public Response token(Credentials body) {
    Credentials c = Bodies.required(body);
    return answer(identity.logIn(c.username(), c.password(), Callers.origin(request)));
  }

  private Response answer(LoginOutcome outcome) {
    if (outcome instanceof LoginOutcome.LoggedIn in) {
      return Response.ok(Grant.of(in.signedIn(), clock.instant())).build();
    }
    if (outcome instanceof LoginOutcome.Throttled t) {
      return Problem.of(429, "too-many-failed-logins",
              "Too many failed sign-ins for this username; try again later")
          .response(request)
          .header(HttpHeaders.RETRY_AFTER, Math.max(1, t.retryAfter().toSeconds()))
          .build();
    }
    return Problem.of(401, "invalid-credentials", "Wrong username or password").response(request).build();
  }

  @PUT
  @Path("logout/{username}")
  @RolesAllowed({"admin", "user"})
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Sign out: the presented token is refused from now on")
  public Response logOut(@PathParam("username") String username) {
    identity.logOut(username, Callers.claims(jwt), Callers.origin(request));
    return Response.noContent().build();
  }

  @GET
  @Path("validate")
  @RolesAllowed({"admin", "user"})
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Who the presented token belongs to")
  public Validated validate() {
    return Validated.of(identity.currentUser(Callers.claims(jwt)));
  }

}
