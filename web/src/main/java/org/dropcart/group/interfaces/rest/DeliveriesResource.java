package org.dropcart.group.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.dropcart.group.application.Deliveries;
import org.dropcart.group.application.DeliveryView;
import org.dropcart.identity.interfaces.rest.Callers;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.interfaces.rest.Queries;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.opentracing.Traced;

/** The results owed to the caller, and their acknowledgement. */
@Path("deliveries")
@RequestScoped
@RolesAllowed({"admin", "user"})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "results")
@SecurityRequirement(name = "bearer")
@Traced
public class DeliveriesResource {
  @Inject private Deliveries deliveries;
  @Inject private JsonWebToken jwt;

  @GET
  @Operation(summary = "Your results: pending ones (default, oldest first) or all (?state=all, newest first)")
  public Page<DeliveryView> mine(
      @QueryParam("state") String state, @QueryParam("page") String page, @QueryParam("size") String size) {
    return deliveries.mine(Callers.caller(jwt), state, Queries.page(page, size));
  }

  @POST
  @Path("{id}/ack")
  @Operation(summary = "You have this result: it is no longer pushed or listed as pending")
  public DeliveryView acknowledge(@PathParam("id") String id) {
    return deliveries.acknowledge(id, Callers.caller(jwt));
  }
}
