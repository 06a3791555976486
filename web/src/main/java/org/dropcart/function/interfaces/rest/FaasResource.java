package org.dropcart.function.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.dropcart.function.application.CallCompletions;
import org.dropcart.function.application.CallView;
import org.dropcart.function.application.FunctionCatalog;
import org.dropcart.function.application.FunctionRegistration;
import org.dropcart.function.application.FunctionSettings;
import org.dropcart.function.application.FunctionView;
import org.dropcart.function.application.RuntimeView;
import org.dropcart.identity.interfaces.rest.Callers;
import org.dropcart.platform.application.Caller;
import org.dropcart.platform.domain.InvalidInputException;
import org.dropcart.platform.interfaces.rest.Bodies;
import org.dropcart.platform.interfaces.rest.Queries;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Functions (seed 002's FaaS) with the seed's routes and shapes, under {@code /api/faas/} and, by
 * {@link SeedRoutes}, at the seed's root paths. Runtimes are registered by admins; any user may
 * register functions and invoke them; a user sees their own calls, an admin every call.
 */
@Path("faas")
@RequestScoped
@RolesAllowed({"admin", "user"})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "faas")
@SecurityRequirement(name = "bearer")
public class FaasResource {
  /** How often a waiter looks at the database, for calls run by another node. */
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration MAX_WAIT = Duration.ofMinutes(5);

  @Inject private FunctionCatalog catalog;
  @Inject private FunctionRegistration registration;
  @Inject private FunctionSettings settings;
  @Inject private CallCompletions completions;
  @Inject private JsonWebToken jwt;

  @POST
  @Path("registerRuntime")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Register (or redefine) a runtime {name, image, path, dependencies, run}; admins only;"
      + " name defaults to image, as in seed 002's example. 201 when new, 200 when redefined")
  public Response registerRuntime(JsonValue body) {
    JsonObject b = Bodies.requiredObject(body);
    String image = text(b, "image");
    String name = text(b, "name");
    RuntimeView r = new RuntimeView(name == null ? image : name, image, text(b, "path"), text(b, "dependencies"),
        text(b, "run"));
    boolean created = catalog.registerRuntime(r, caller());
    return Response.status(created ? 201 : 200).entity(catalog.runtime(r.name())).build();
  }

  @POST
  @Path("registerFunction/{runtime}/{funcName}")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(summary = "Register a function: multipart field `module`, a zip or tar.gz of its files (e.g. test.py"
      + " and requirements.txt), into a runtime; registering a name again makes its next version. 201")
  public Response registerFunction(@PathParam("runtime") String runtime, @PathParam("funcName") String funcName,
      @FormParam("module") EntityPart module) {
    if (module == null) {
      throw new InvalidInputException("module", "is required: a multipart field holding a zip or tar.gz archive");
    }
    try (InputStream content = module.getContent()) {
      FunctionView f = registration.register(runtime, funcName, content, module.getFileName().orElse("module"),
          caller());
      return Response.status(201).entity(f).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @POST
  @Path("invokeFunction")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Invoke a function {funcName, params}: 202 with the PENDING call; with sync=true wait for"
      + " it to end (up to dropcart.faas.timeout and a little more): 200 with the finished call")
  public Response invoke(JsonValue body, @QueryParam("sync") String sync) {
    JsonObject b = Bodies.requiredObject(body);
    JsonValue params = b.get("params");
    CallView call = catalog.invoke(text(b, "funcName"), params, caller());
    if (Boolean.parseBoolean(sync)) {
      CallView done = await(call.callNum(), settings.timeout().plusSeconds(10));
      return Response.status(done.finished() ? 200 : 202).entity(done).build();
    }
    return Response.accepted(call).build();
  }

  @GET
  @Path("runtimes")
  @Operation(summary = "The runtimes' names")
  public List<String> runtimes() {
    return catalog.runtimeNames();
  }

  @GET
  @Path("runtimes/{name}")
  @Operation(summary = "One runtime")
  public RuntimeView runtime(@PathParam("name") String name) {
    return catalog.runtime(name);
  }

  @GET
  @Path("functions")
  @Operation(summary = "The functions' names")
  public List<String> functions() {
    return catalog.functionNames();
  }

  @GET
  @Path("functions/{name}")
  @Operation(summary = "One function: its runtime, current version and archive")
  public FunctionView function(@PathParam("name") String name) {
    return catalog.function(name);
  }

  @GET
  @Path("calls")
  @Operation(summary = "The call store as seed 002 shows it, {\"c1\": {...}}: your calls (every call for admins)")
  public Map<String, CallView> calls() {
    return catalog.calls(caller());
  }

  @GET
  @Path("call/{n}")
  @Operation(summary = "One call")
  public CallView call(@PathParam("n") String n) {
    return catalog.call(callNum(n), caller());
  }

  @GET
  @Path("calls/{n}")
  @Operation(summary = "One call (REST spelling of call/{n})")
  public CallView callRest(@PathParam("n") String n) {
    return call(n);
  }

  @GET
  @Path("calls/{n}/wait")
  @Operation(summary = "Long-poll: the call once it has ended, or as it is after timeout (seconds or ISO-8601,"
      + " default 30 s, at most 5 min); 200 when ended, 202 when not yet")
  public Response await(@PathParam("n") String n, @QueryParam("timeout") String timeout) {
    long num = callNum(n);
    catalog.call(num, caller()); // 404 before waiting
    CallView c = await(num, waitFor(timeout));
    return Response.status(c.finished() ? 200 : 202).entity(c).build();
  }

  private CallView await(long callNum, Duration limit) {
    Caller caller = caller();
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      java.util.concurrent.CompletableFuture<Void> watched = completions.watch(callNum);
      CallView c = catalog.call(callNum, caller);
      long left = deadline - System.nanoTime();
      if (c.finished() || left <= 0) {
        return c;
      }
      try {
        completions.await(watched, Duration.ofNanos(Math.min(left, POLL.toNanos())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return catalog.call(callNum, caller);
      }
    }
  }

  private static Duration waitFor(String timeout) {
    if (timeout == null || timeout.isBlank()) {
      return Duration.ofSeconds(30);
    }
    Duration d;
    if (timeout.trim().matches("\\d{1,6}")) {
      d = Duration.ofSeconds(Long.parseLong(timeout.trim()));
    } else {
      d = Queries.duration("timeout", timeout);
    }
    if (d.isNegative() || d.compareTo(MAX_WAIT) > 0) {
      throw new InvalidInputException("timeout", "must be between 0 and " + MAX_WAIT.toSeconds() + " seconds");
    }
    return d;
  }

  private static long callNum(String n) {
    String digits = n != null && n.startsWith("c") ? n.substring(1) : n;
    Long num = Queries.longValue("callNum", digits);
    if (num == null || num < 1) {
      throw new InvalidInputException("callNum", "must be a call number (1, 2, …)");
    }
    return num;
  }

  private static String text(JsonObject b, String field) {
    JsonValue v = b.get(field);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(v instanceof JsonString s)) {
      throw new InvalidInputException(field, "must be a string");
    }
    return s.getString();
  }

  private Caller caller() {
    return Callers.caller(jwt);
  }
}
