package org.dropcart.registry.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.function.Predicate;
import org.dropcart.identity.interfaces.rest.Callers;
import org.dropcart.platform.domain.InvalidInputException;
import org.dropcart.platform.domain.NotFoundException;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.interfaces.rest.Queries;
import org.dropcart.registry.application.EntryView;
import org.dropcart.registry.application.LockView;
import org.dropcart.registry.application.Registry;
import org.dropcart.registry.domain.RegistryKey;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The key-value registry (seed 000) over HTTP, for admins and service accounts: keys under {@code
 * keys/}, subtrees by {@code ?prefix=}, locks under {@code locks/}, and changes as Server-Sent
 * Events under {@code watch}. A key's {@code version} is the revision that last wrote it; sending
 * {@code ?version=} makes a put or delete a compare-and-set (0: only if absent).
 */
@Path("registry")
@RequestScoped
@RolesAllowed({"admin", "service"})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "registry")
@SecurityRequirement(name = "bearer")
public class RegistryResource {
  @Inject private Registry registry;
  @Inject private RegistryWatchers watchers;
  @Inject private JsonWebToken jwt;

  @GET
  @Operation(summary = "List: the live keys under ?prefix= (all without it), in key order, paged")
  public Page<EntryView> list(@QueryParam("prefix") String prefix, @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return registry.list(prefix, Queries.page(page, size));
  }

  @DELETE
  @Operation(summary = "DeleteTree: every key under ?prefix= (required); each deletion is a change of its own")
  public JsonObject deleteTree(@QueryParam("prefix") String prefix) {
    return Json.createObjectBuilder().add("deleted", registry.deleteTree(prefix)).build();
  }

  @PUT
  @Path("keys/{key: .+}")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Put (the body is the value): ?ttl= gives it a lease; ?version= makes it AtomicPut"
      + " (409 version-conflict); 201 when the key is new")
  public Response put(@PathParam("key") String key, @QueryParam("ttl") String ttl,
      @QueryParam("version") String version, String body) {
    EntryView entry = registry.put(key, body == null ? "" : body, Queries.duration("ttl", ttl),
        Queries.longValue("version", version), Callers.caller(jwt));
    return Response.status(entry.version() == entry.createRevision() ? 201 : 200).entity(entry).build();
  }

  @GET
  @Path("keys/{key: .+}")
  @Operation(summary = "Get: the key's value and version; 404 unknown-key")
  public EntryView get(@PathParam("key") String key) {
    return registry.get(key);
  }

  @HEAD
  @Path("keys/{key: .+}")
  @Operation(summary = "Exists: 200, or 404 when the key is absent")
  public Response exists(@PathParam("key") String key) {
    return Response.status(registry.exists(key) ? 200 : 404).build();
  }

  @DELETE
  @Path("keys/{key: .+}")
  @Operation(summary = "Delete; with ?version= AtomicDelete (409 version-conflict)")
  public Response delete(@PathParam("key") String key, @QueryParam("version") String version) {
    registry.delete(key, Queries.longValue("version", version));
    return Response.noContent().build();
  }

  @POST
  @Path("locks/{key: .+}")
  @Operation(summary = "Lock: take the lock for ?ttl= (default PT30S); 423 lock-held while another lease holds it")
  public Response lock(@PathParam("key") String key, @QueryParam("ttl") String ttl) {
    return Response.status(201).entity(registry.lock(key, ttlOrDefault(ttl), Callers.caller(jwt))).build();
  }

  @GET
  @Path("locks/{key: .+}")
  @Operation(summary = "Who holds the lock, until when; 404 no-lock when nobody does")
  public LockView lockOn(@PathParam("key") String key) {
    return registry.lockOn(key).orElseThrow(() -> new NotFoundException("no-lock", "Nobody holds lock '" + key + "'"));
  }

  @PUT
  @Path("locks/{key: .+}")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Renew the lease of ?lockId= for ?ttl= (default PT30S); 409 lock-lost")
  public LockView renew(@PathParam("key") String key, @QueryParam("lockId") String lockId,
      @QueryParam("ttl") String ttl) {
    return registry.renew(key, requireLockId(lockId), ttlOrDefault(ttl));
  }

  @DELETE
  @Path("locks/{key: .+}")
  @Operation(summary = "Release the lock held by ?lockId=; 409 lock-lost")
  public Response release(@PathParam("key") String key, @QueryParam("lockId") String lockId) {
    registry.release(key, requireLockId(lockId));
    return Response.noContent().build();
  }

  @GET
  @Path("watch")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(summary = "Watch ?key= or WatchTree ?prefix=: Server-Sent Events put/delete with the revision as id;"
      + " resumes after Last-Event-ID (or ?since=), 410 history-compacted when that is too old")
  public void watch(@QueryParam("key") String key, @QueryParam("prefix") String prefix,
      @QueryParam("since") String since, @HeaderParam("Last-Event-ID") String lastEventId,
      @Context SseEventSink sink, @Context Sse sse) {
    Predicate<String> wanted;
    if (key != null && prefix == null) {
      String k = RegistryKey.require("key", key);
      wanted = k::equals;
    } else if (prefix != null && key == null) {
      String p = prefix.isEmpty() ? "" : RegistryKey.require("prefix", prefix);
      wanted = candidate -> RegistryKey.under(p, candidate);
    } else {
      throw new InvalidInputException("key", "watch one ?key= or one ?prefix=");
    }
    Long from = Queries.longValue(lastEventId != null ? "Last-Event-ID" : "since",
        lastEventId != null ? lastEventId : since);
    watchers.watch(sink, sse, wanted, from);
  }

  private static java.time.Duration ttlOrDefault(String ttl) {
    java.time.Duration d = Queries.duration("ttl", ttl);
    return d == null ? java.time.Duration.ofSeconds(30) : d;
  }

  private static String requireLockId(String lockId) {
    if (lockId == null || lockId.isBlank()) {
      throw new InvalidInputException("lockId", "is required: the id the lock was taken with");
    }
    return lockId;
  }
}
