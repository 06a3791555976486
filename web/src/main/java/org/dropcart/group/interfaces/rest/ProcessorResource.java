package org.dropcart.group.interfaces.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.dropcart.group.application.Dispatcher;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.opentracing.Traced;

/**
 * Where a processor whose trigger is {@code pull} fetches work. It has no Dropcart account: HTTP
 * Basic with the pool id as the user and the pool secret as the password.
 */
@Path("processor")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "processor")
@Traced
public class ProcessorResource {
  @Inject private Dispatcher dispatcher;

  @GET
  @Path("groups")
  @Operation(summary = "The pool's sealed groups as manifests; each is DISPATCHED by being served (HTTP Basic:"
      + " pool id and pool secret)")
  public JsonObject groups(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("status") String status) {
    String[] credentials = basic(authorization);
    JsonArrayBuilder items = Json.createArrayBuilder();
    dispatcher.pull(credentials[0], credentials[1], status).forEach(items::add);
    return Json.createObjectBuilder().add("items", items).build();
  }

  /** The user and password of a Basic header, or two nulls. */
  private static String[] basic(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return new String[] {null, null};
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? new String[] {null, null} : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return new String[] {null, null};
    }
  }
}
