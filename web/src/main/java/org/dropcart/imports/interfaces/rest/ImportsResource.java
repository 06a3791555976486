package org.dropcart.imports.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.dropcart.file.application.FileView;
import org.dropcart.identity.interfaces.rest.Callers;
import org.dropcart.imports.application.ImportLedger;
import org.dropcart.imports.application.ImportView;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.interfaces.rest.Bodies;
import org.dropcart.platform.interfaces.rest.Queries;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Imports (seed 000's download manager): a URL fetched into a pool in the background. */
@Path("imports")
@RequestScoped
@RolesAllowed({"admin", "user"})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "imports")
@SecurityRequirement(name = "bearer")
public class ImportsResource {
  @Inject private ImportLedger imports;
  @Inject private JsonWebToken jwt;
  @Context private UriInfo uri;

  /** What an import asks for. */
  public record NewImport(String url, String pool, Boolean unarchive, String timestamp) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Import a URL (http, https, or file under the configured roots) into a pool you belong to;"
      + " unarchive: each entry of a tar, zip or compressed tar becomes a file; 202 with the import")
  public Response start(NewImport body) {
    NewImport b = Bodies.required(body);
    ImportView started = imports.start(b.url(), b.pool(), b.unarchive(), Queries.instant("timestamp", b.timestamp()),
        Callers.caller(jwt));
    return Response.accepted(started).location(uri.getAbsolutePathBuilder().path(started.id()).build()).build();
  }

  @GET
  @Operation(summary = "Your imports, newest first")
  public Page<ImportView> mine(@QueryParam("page") String page, @QueryParam("size") String size) {
    return imports.mine(Callers.caller(jwt), Queries.page(page, size));
  }

  @GET
  @Path("{id}")
  @Operation(summary = "An import: status (queued, downloading, unpacking, done, failed, cancelled), bytes so far"
      + " of the total, the reason it failed")
  public ImportView one(@PathParam("id") String id) {
    return imports.view(id, Callers.caller(jwt));
  }

  @GET
  @Path("{id}/files")
  @Operation(summary = "The stored files an import made, in archive order")
  public Page<FileView> files(@PathParam("id") String id, @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return imports.files(id, Callers.caller(jwt), Queries.page(page, size));
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Cancel an import that has not begun storing its files; 409 once it has, or has ended")
  public ImportView cancel(@PathParam("id") String id) {
    return imports.cancel(id, Callers.caller(jwt));
  }
}
