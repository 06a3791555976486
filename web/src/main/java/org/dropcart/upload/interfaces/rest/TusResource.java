package org.dropcart.upload.interfaces.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.dropcart.group.application.Results;
import org.dropcart.identity.interfaces.rest.Callers;
import org.dropcart.platform.interfaces.rest.HttpDates;
import org.dropcart.platform.application.Caller;
import org.dropcart.platform.domain.InvalidInputException;
import org.dropcart.platform.interfaces.rest.Problem;
import org.dropcart.upload.application.UploadSettings;
import org.dropcart.upload.application.UploadView;
import org.dropcart.upload.application.Uploads;
import org.dropcart.upload.domain.Checksum;
import org.dropcart.upload.domain.ConcatRole;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The tus 1.0.0 upload endpoint: core, creation, creation-with-upload, creation-defer-length,
 * expiration, checksum, checksum-trailer, termination and concatenation. {@code Upload-Metadata} must name the {@code pool} (the caller must be a member);
 * see {@link org.dropcart.upload.domain.UploadMetadata} for the other keys.
 *
 * <p>Every request needs a bearer token, except a processor's result upload: its creation URL (the
 * manifest's {@code resultUploadUrl}) carries {@code ?group=&token=} with the group's callback
 * token, the metadata names the {@code group}, and the upload's URL keeps that query, so the
 * processor needs no account (the official clients use the Location as given).
 */
@Path("upload")
@RequestScoped
@PermitAll
@Tag(name = "uploads")
@SecurityRequirement(name = "bearer")
public class TusResource {
  static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";
  static final String EXTENSIONS = "creation,creation-with-upload,creation-defer-length,expiration,checksum,"
      + "checksum-trailer,termination,concatenation";

  @Inject private Uploads uploads;
  @Inject private UploadSettings settings;
  @Inject private JsonWebToken jwt;
  @Inject private Results results;
  @Context private HttpServletRequest request;
  @Context private UriInfo uri;
  @Context private SecurityContext security;
  @QueryParam("group") private String resultGroup;
  @QueryParam("token") private String callbackToken;

  @OPTIONS
  @Operation(summary = "What this tus server supports")
  public Response capabilities() {
    return Response.noContent()
        .header("Tus-Version", TusProtocol.VERSION)
        .header("Tus-Extension", EXTENSIONS)
        .header("Tus-Max-Size", settings.maxSize())
        .header("Tus-Checksum-Algorithm", Checksum.Algorithm.tusNames())
        .build();
  }

  @POST
  @Operation(summary = "Create an upload (Upload-Length, Upload-Metadata with pool), optionally with its first bytes;"
      + " Upload-Concat: partial, or final;<partial upload URLs>")
  public Response create(
      @HeaderParam("Upload-Length") String length,
      @HeaderParam("Upload-Defer-Length") String deferLength,
      @HeaderParam("Upload-Metadata") String metadata,
      @HeaderParam("Upload-Concat") String concat,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam("Upload-Checksum") String checksum,
      InputStream body) {
    Caller caller = caller();
    Concat role = Concat.parse(concat);
    if (role.isFinal()) {
      if (length != null || deferLength != null) {
        throw new InvalidInputException("Upload-Length", "a final upload takes its length from its partial uploads");
      }
      if (request.getContentLengthLong() > 0 || contentType != null && contentType.startsWith(OFFSET_OCTET_STREAM)) {
        throw new InvalidInputException("Upload-Concat", "a final upload carries no bytes of its own");
      }
      UploadView upload = uploads.concatenate(role.partIds(), metadata, caller);
      return Response.created(location(upload))
          .header("Upload-Offset", upload.offset())
          .build();
    }
    if ((length == null) == (deferLength == null)) {
      throw new InvalidInputException("Upload-Length", "send either Upload-Length or Upload-Defer-Length: 1");
    }
    if (deferLength != null && !deferLength.trim().equals("1")) {
      throw new InvalidInputException("Upload-Defer-Length", "must be 1");
    }
    UploadView upload = uploads.open(length == null ? null : number("Upload-Length", length), metadata,
        role.partial() ? ConcatRole.PARTIAL : null, caller);
    Response.ResponseBuilder created = Response.created(location(upload));
    if (contentType != null && contentType.startsWith(OFFSET_OCTET_STREAM)) {
      try {
        upload = uploads.append(upload.id(), 0, null, checksum, trailer(), body, caller);
      } catch (Uploads.ChecksumMismatch e) {
        // The upload exists; only its first chunk was refused. The client resumes from HEAD.
        created.header("Upload-Offset", 0);
        return created.header("Upload-Expires", HttpDates.format(upload.expiresAt())).build();
      }
    } else if (contentType != null && request.getContentLengthLong() > 0) {
      throw new jakarta.ws.rs.NotSupportedException();
    }
    created.header("Upload-Offset", upload.offset());
    if (upload.expires()) {
      created.header("Upload-Expires", HttpDates.format(upload.expiresAt()));
    }
    return created.build();
  }

  @HEAD
  @Path("{id}")
  @Operation(summary = "Where an upload stands")
  public Response status(@PathParam("id") String id) {
    UploadView upload = uploads.status(id, caller());
    Response.ResponseBuilder r = Response.ok()
        .header("Upload-Offset", upload.offset())
        .header(HttpHeaders.CACHE_CONTROL, "no-store");
    if (upload.lengthDeferred()) {
      r.header("Upload-Defer-Length", 1);
    } else {
      r.header("Upload-Length", upload.length());
    }
    if (upload.metadata() != null && !upload.metadata().isEmpty()) {
      r.header("Upload-Metadata", upload.metadata());
    }
    if (upload.expires()) {
      r.header("Upload-Expires", HttpDates.format(upload.expiresAt()));
    }
    if ("PARTIAL".equals(upload.concat())) {
      r.header("Upload-Concat", "partial");
    } else if ("FINAL".equals(upload.concat())) {
      r.header("Upload-Concat", Concat.finalHeader(uri.getBaseUriBuilder().path("upload").build().getPath(), upload.parts()));
    }
    return r.build();
  }

  @PATCH
  @Path("{id}")
  @Consumes(OFFSET_OCTET_STREAM)
  @Operation(summary = "Append bytes at Upload-Offset; 409 on a wrong offset, 460 on a checksum mismatch")
  public Response append(
      @PathParam("id") String id,
      @HeaderParam("Upload-Offset") String offset,
      @HeaderParam("Upload-Length") String length,
      @HeaderParam("Upload-Checksum") String checksum,
      InputStream body) {
    if (offset == null) {
      throw new InvalidInputException("Upload-Offset", "is required");
    }
    UploadView upload;
    try {
      upload = uploads.append(id, number("Upload-Offset", offset),
          length == null ? null : number("Upload-Length", length), checksum, trailer(), body, caller());
    } catch (Uploads.ChecksumMismatch e) {
      return Problem.of(460, e.kind(), e.getMessage()).response(request).build();
    }
    Response.ResponseBuilder r = Response.noContent().header("Upload-Offset", upload.offset());
    if (upload.expires()) {
      r.header("Upload-Expires", HttpDates.format(upload.expiresAt()));
    }
    return r.build();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Terminate an upload: its bytes are deleted")
  public Response terminate(@PathParam("id") String id) {
    uploads.terminate(id, caller());
    return Response.noContent().build();
  }

  /**
   * The caller: a signed-in user, or a processor whose request carries its group's callback token;
   * anyone else is 401.
   */
  private Caller caller() {
    if (callbackToken != null || resultGroup != null) {
      if (resultGroup == null || callbackToken == null) {
        throw new InvalidInputException("token", "a result upload URL carries both group and token");
      }
      return results.processorOf(resultGroup, callbackToken);
    }
    if (security.getUserPrincipal() == null) {
      throw new NotAuthorizedException("Bearer");
    }
    return Callers.caller(jwt);
  }

  /** The new upload's URL; a result upload's keeps its group and token. */
  private java.net.URI location(UploadView upload) {
    jakarta.ws.rs.core.UriBuilder b = uri.getAbsolutePathBuilder().path(upload.id());
    if (callbackToken != null) {
      b.queryParam("group", resultGroup).queryParam("token", callbackToken);
    }
    return b.build();
  }

  /**
   * checksum-trailer: when the request announces {@code Trailer: Upload-Checksum}, the checksum
   * arrives after the body; this reads it once the body has been consumed.
   */
  private java.util.function.Supplier<String> trailer() {
    String announced = request.getHeader("Trailer");
    if (announced == null || java.util.Arrays.stream(announced.split(","))
        .noneMatch(t -> t.trim().equalsIgnoreCase("Upload-Checksum"))) {
      return null;
    }
    return () -> {
      if (!request.isTrailerFieldsReady()) {
        return null;
      }
      return request.getTrailerFields().entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase("Upload-Checksum"))
          .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
    };
  }

  private static long number(String header, String value) {
    try {
      long n = Long.parseLong(value.trim());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new InvalidInputException(header, "must be a non-negative whole number");
    }
  }
}
