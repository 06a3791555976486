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
    FileDownload download = files.download(fileName, Callers.caller(jwt));
    FileView file = download.file();
    String etag = download.etag();
    if (ifNoneMatch != null && ByteRange.matchesAny(ifNoneMatch, etag)) {
      return Response.notModified().header(HttpHeaders.ETAG, etag).build();
    }
    long size = file.size();
    ByteRange wanted = range == null || (ifRange != null && !ifRange.trim().equals(etag))
        ? null : ByteRange.parse(range, size);
    Response.ResponseBuilder r;
    long from = 0;
    long length = size;
    if (wanted == null) {
      r = Response.ok();
    } else if (!wanted.satisfiable()) {
      return Response.status(416).header("Content-Range", "bytes */" + size).header(HttpHeaders.ETAG, etag).build();
    } else {
      from = wanted.first();
      length = wanted.length();
      r = Response.status(206).header("Content-Range", "bytes " + wanted.first() + "-" + wanted.last() + "/" + size);
    }
    long start = from;
    long count = length;
    StreamingOutput body = out -> {
      try (InputStream in = download.content().from(start)) {
        byte[] buffer = new byte[64 * 1024];
        long left = count;
        while (left > 0) {
          int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
          if (n < 0) {
            throw new java.io.EOFException("The stored content of " + file.fileName() + " ended early");
          }
          out.write(buffer, 0, n);
          left -= n;
        }
      }
    };
    return r.entity(body)
        .type(file.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM : file.contentType())
        .header(HttpHeaders.CONTENT_LENGTH, length)
        .header(HttpHeaders.ETAG, etag)
        .header("Accept-Ranges", "bytes")
        .header(HttpHeaders.LAST_MODIFIED, HttpDates.format(file.created()))
        .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
        .header("Content-Disposition", "attachment; filename*=UTF-8''"
            + URLEncoder.encode(file.name(), StandardCharsets.UTF_8).replace("+", "%20"))
        .build();
  }
}
