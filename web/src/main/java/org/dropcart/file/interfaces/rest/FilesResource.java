package org.dropcart.file.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.dropcart.file.application.FileCatalog;
import org.dropcart.file.application.FileDownload;
import org.dropcart.file.application.FileView;
import org.dropcart.identity.interfaces.rest.Callers;
import org.dropcart.platform.interfaces.rest.HttpDates;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.interfaces.rest.Queries;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.opentracing.Traced;

/**
 * Downloads of stored files (seed 003's route) with {@code ETag}, {@code If-None-Match} and single-range {@code Range} requests.
 */
@Path("file")
@RequestScoped
@RolesAllowed({"admin", "user"})
@Tag(name = "files")
@SecurityRequirement(name = "bearer")
@Traced
public class FilesResource {

  @Inject private FileCatalog files;
  @Inject private JsonWebToken jwt;

  @GET
  @Path("{fileName}")
  @Operation(summary = "Download a stored file (members of its pool and admins); Range and If-None-Match honoured")
  public Response download(
      @PathParam("fileName") String fileName,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @HeaderParam("Range") String range,
      @HeaderParam("If-Range") String ifRange) {
    return Downloads.respond(files.download(fileName, Callers.caller(jwt)), ifNoneMatch, range, ifRange);
  }
}
