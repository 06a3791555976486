package org.dropcart.file.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.dropcart.file.application.FileCatalog;
import org.dropcart.file.application.FileView;
import org.dropcart.identity.interfaces.rest.Callers;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.interfaces.rest.Queries;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.opentracing.Traced;

/** Seed 003's "view user history": every file a client dropped, newest first. */
@Path("client/history")
@RequestScoped
@RolesAllowed({"admin", "user"})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "files")
@SecurityRequirement(name = "bearer")
@Traced
public class ClientHistoryResource {
  @Inject private FileCatalog files;
  @Inject private JsonWebToken jwt;

  @GET
  @Path("{clientId}")
  @Operation(summary = "A client's files, newest first (the client itself, or an admin)")
  public Page<FileView> history(
      @PathParam("clientId") String clientId, @QueryParam("page") String page, @QueryParam("size") String size) {
    return files.history(clientId, Callers.caller(jwt), Queries.page(page, size));
  }
}
