package org.dropcart.pool.interfaces.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.dropcart.file.application.FileCatalog;
import org.dropcart.file.application.FileView;
import org.dropcart.file.interfaces.rest.Downloads;
import org.dropcart.group.application.Dispatcher;
import org.dropcart.group.application.GroupDetail;
import org.dropcart.group.application.GroupView;
import org.dropcart.group.application.Grouping;
import org.dropcart.group.application.ProcessorView;
import org.dropcart.group.application.Processors;
import org.dropcart.group.application.ResultView;
import org.dropcart.group.application.Results;
import org.dropcart.identity.interfaces.rest.Callers;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.interfaces.rest.Bodies;
import org.dropcart.platform.interfaces.rest.Queries;
import org.dropcart.pool.application.MemberView;
import org.dropcart.pool.application.PoolService;
import org.dropcart.pool.application.PoolView;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.opentracing.Traced;

/** Pools, their members, files and groups. Admins manage pools; members see their own. */
@Path("pools")
@RequestScoped
@RolesAllowed({"admin", "user"})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "pools")
@SecurityRequirement(name = "bearer")
@Traced
public class PoolsResource {
  @Inject private PoolService pools;
  @Inject private FileCatalog files;
  @Inject private Grouping grouping;
  @Inject private Processors processors;
  @Inject private Dispatcher dispatcher;
  @Inject private Results results;
  @Inject private JsonWebToken jwt;
  @Context private UriInfo uri;

  /**
   * A new pool. Optional: the grouping window (ISO-8601, default PT5M), the grace after a window's
   * end during which it still takes files ({@code lateness}, default PT1M), and what becomes of a
   * file for a sealed window ({@code latePolicy}: {@code next}, the default, or {@code reject}).
   */
  public record NewPool(String name, String groupingWindow, String lateness, String latePolicy) {}

  /** A pool's external processor: its URL, the shared secret, and when groups go to it. */
  public record ProcessorSettings(String url, String secret, String trigger) {}

  /** A user to admit into a pool. */
  public record NewMember(String username) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a pool (admin)")
  public Response create(NewPool body) {
    NewPool p = Bodies.required(body);
    PoolView pool = pools.create(p.name(), p.groupingWindow(), p.lateness(), p.latePolicy(), Callers.caller(jwt));
    return Response.created(uri.getAbsolutePathBuilder().path(pool.id()).build()).entity(pool).build();
  }

  @GET
  @Operation(summary = "Pools you can see: all of them for an admin, your own for a user")
  public Page<PoolView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
    return pools.visibleTo(Callers.caller(jwt), Queries.page(page, size));
  }

  @GET
  @Path("{poolId}")
  @Operation(summary = "One pool (members and admins)")
  public PoolView one(@PathParam("poolId") String poolId) {
    return pools.pool(poolId, Callers.caller(jwt));
  }

  @GET
  @Path("{poolId}/files")
  @Operation(summary = "A pool's files with a timestamp in [from, to), oldest first (members and admins)")
  public Page<FileView> files(
      @PathParam("poolId") String poolId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return files.ofPool(poolId, Queries.instant("from", from), Queries.instant("to", to), Callers.caller(jwt),
        Queries.page(page, size));
  }

  @GET
  @Path("{poolId}/groups")
  @Operation(summary = "A pool's timestamp groups, newest window first; status filters (members and admins)")
  public Page<GroupView> groups(
      @PathParam("poolId") String poolId,
      @QueryParam("status") String status,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return grouping.ofPool(poolId, status, Callers.caller(jwt), Queries.page(page, size));
  }

  @GET
  @Path("{poolId}/groups/{groupId}")
  @Operation(summary = "One group with a page of its files in timestamp order (members and admins)")
  public GroupDetail group(
      @PathParam("poolId") String poolId,
      @PathParam("groupId") String groupId,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return grouping.group(poolId, groupId, Callers.caller(jwt), Queries.page(page, size));
  }

  @POST
  @Path("{poolId}/groups/{groupId}/dispatch")
  @Operation(summary = "Send a sealed (or failed, or already dispatched) group to the pool's processor now (admin);"
      + " 409 for an open or done group")
  public Response dispatch(@PathParam("poolId") String poolId, @PathParam("groupId") String groupId) {
    return Response.accepted(dispatcher.dispatch(poolId, groupId, Callers.caller(jwt))).build();
  }

  @GET
  @Path("{poolId}/groups/{groupId}/files/{fileName}")
  @PermitAll
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "A group's file, for the holder of the signed link in its manifest (no account); 403 when"
      + " the link is bad or expired")
  public Response linkedFile(
      @PathParam("poolId") String poolId,
      @PathParam("groupId") String groupId,
      @PathParam("fileName") String fileName,
      @QueryParam("token") String token,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @HeaderParam("Range") String range,
      @HeaderParam("If-Range") String ifRange) {
    grouping.requireLinkedFile(poolId, groupId, fileName, token);
    return Downloads.respond(files.content(fileName), ifNoneMatch, range, ifRange);
  }

  @GET
  @Path("{poolId}/groups/{groupId}/bundle")
  @PermitAll
  @Produces("application/x-tar")
  @Operation(summary = "The group's files as one tar, for the holder of the signed link in its manifest")
  public Response bundle(
      @PathParam("poolId") String poolId, @PathParam("groupId") String groupId, @QueryParam("token") String token) {
    List<String> names = grouping.bundle(poolId, groupId, token);
    StreamingOutput tar = out -> files.writeTar(names, out);
    return Response.ok(tar, "application/x-tar")
        .header("Content-Disposition", "attachment; filename=\"group-" + groupId + ".tar\"")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .build();
  }

  @PUT
  @Path("{poolId}/groups/{groupId}/result")
  @PermitAll
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "The processor's result for a group, at the callback URL of its manifest (the token is the"
      + " credential); the body is the file, ?name= its name. 401 for a bad token, 409 when the group is done"
      + " (an admin may ?replace=true)")
  public ResultView result(
      @PathParam("poolId") String poolId,
      @PathParam("groupId") String groupId,
      @QueryParam("token") String token,
      @QueryParam("replace") boolean replace,
      @QueryParam("name") String name,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      java.io.InputStream body) throws java.io.IOException {
    return results.accept(poolId, groupId, token, replace, jwt.getSubject() == null ? null : Callers.caller(jwt), name,
        contentType, body);
  }

  @GET
  @Path("{poolId}/results")
  @Operation(summary = "The pool's results, one per done group, newest window first (members and admins)")
  public Page<ResultView> results(
      @PathParam("poolId") String poolId, @QueryParam("page") String page, @QueryParam("size") String size) {
    return results.ofPool(poolId, Callers.caller(jwt), Queries.page(page, size));
  }

  @PUT
  @Path("{poolId}/processor")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set the pool's external processor: url, secret (16+ characters), trigger"
      + " (on-seal, manual, count:N, pull) (admin)")
  public ProcessorView configureProcessor(@PathParam("poolId") String poolId, ProcessorSettings body) {
    ProcessorSettings p = Bodies.required(body);
    return processors.configure(poolId, p.url(), p.secret(), p.trigger(), Callers.caller(jwt));
  }

  @GET
  @Path("{poolId}/processor")
  @Operation(summary = "The pool's processor settings, without the secret (admin)")
  public ProcessorView processor(@PathParam("poolId") String poolId) {
    return processors.of(poolId, Callers.caller(jwt));
  }

  @DELETE
  @Path("{poolId}/processor")
  @Operation(summary = "Remove the pool's processor (admin)")
  public Response removeProcessor(@PathParam("poolId") String poolId) {
    processors.remove(poolId, Callers.caller(jwt));
    return Response.noContent().build();
  }

  @GET
  @Path("{poolId}/members")
  @Operation(summary = "A pool's members with their client identities (members and admins)")
  public Page<MemberView> members(
      @PathParam("poolId") String poolId, @QueryParam("page") String page, @QueryParam("size") String size) {
    return pools.members(poolId, Callers.caller(jwt), Queries.page(page, size));
  }

  @POST
  @Path("{poolId}/members")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Admit a user into a pool (admin)")
  public Response admit(@PathParam("poolId") String poolId, NewMember body) {
    MemberView member = pools.admit(poolId, Bodies.required(body).username(), Callers.caller(jwt));
    return Response.created(uri.getAbsolutePathBuilder().path(member.clientName()).build()).entity(member).build();
  }

  @DELETE
  @Path("{poolId}/members/{username}")
  @Operation(summary = "Remove a member from a pool (admin)")
  public Response dismiss(@PathParam("poolId") String poolId, @PathParam("username") String username) {
    pools.dismiss(poolId, username, Callers.caller(jwt));
    return Response.noContent().build();
  }


}
