package org.dropcart.pool.interfaces.rest;

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
import org.dropcart.file.application.FileCatalog;
import org.dropcart.file.application.FileView;
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

/** Pools, their members and their files. Admins manage pools; members see their own. */
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
  @Inject private JsonWebToken jwt;
  @Context private UriInfo uri;

  /** A new pool; the grouping window is optional (ISO-8601, default PT5M). */
  public record NewPool(String name, String groupingWindow) {}

  /** A user to admit into a pool. */
  public record NewMember(String username) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a pool (admin)")
  public Response create(NewPool body) {
    NewPool p = Bodies.required(body);
    PoolView pool = pools.create(p.name(), p.groupingWindow(), Callers.caller(jwt));
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
