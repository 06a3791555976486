package org.dropcart.cart.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.cart.application.CartDownload;
import org.dropcart.cart.application.CartRequest;
import org.dropcart.cart.application.CartSettings;
import org.dropcart.cart.application.CartTar;
import org.dropcart.cart.application.CartView;
import org.dropcart.cart.application.Carts;
import org.dropcart.file.interfaces.rest.Downloads;
import org.dropcart.identity.interfaces.rest.Callers;
import org.dropcart.platform.application.Caller;
import org.dropcart.platform.domain.DropcartException;
import org.dropcart.platform.domain.NotFoundException;
import org.dropcart.platform.interfaces.rest.ProblemMapper;
import org.dropcart.platform.interfaces.rest.RequestIds;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.opentracing.Traced;

/**
 * Pacifica cartd's API at {@code /api/carts/{uid}}: same codes, headers and bodies, so a cartd
 * client works by changing only its base URL. A POST takes its body whatever the Content-Type (as
 * {@code curl --upload-file} sends it). Errors here use cartd's body, not the problem body of the
 * rest of the API. With {@code dropcart.carts.auth=required} a bearer token is needed and a cart
 * belongs to its creator; with {@code none} carts are open, as in cartd.
 */
@Path("carts")
@RequestScoped
@Tag(name = "carts")
@Traced
public class CartsResource {
  private static final Logger LOG = Logger.getLogger(CartsResource.class.getName());
  private static final DateTimeFormatter DEFAULT_NAME =
      DateTimeFormatter.ofPattern("'data_'yyyy_MM_dd_HH_mm_ss'.tar'").withZone(ZoneOffset.UTC);
  static final String NOT_READY = "The cart is not ready for download.";
  static final String NO_CART = "The cart does not exist or has already been deleted";

  @Inject private Carts carts;
  @Inject private CartSettings settings;
  @Inject private Clock clock;
  @Context private SecurityContext security;
  @Context private HttpServletRequest request;
  @Context private UriInfo uri;

  @GET
  @Operation(summary = "GET /api/carts/: cartd's up-and-running message; GET /api/carts: your carts")
  public Response root() {
    if (uri.getRequestUri().getPath().endsWith("/")) {
      return CartdAnswers.message(200, "Pacifica Cartd Interface Up and Running");
    }
    return answer(() -> {
      JsonArrayBuilder items = Json.createArrayBuilder();
      for (CartView c : carts.list(caller())) {
        JsonObjectBuilder o = Json.createObjectBuilder().add("uid", c.uid()).add("status", c.status())
            .add("message", c.message()).add("bundle", c.bundle()).add("files", c.files()).add("size", c.size())
            .add("created", c.created().toString()).add("updated", c.updated().toString());
        o.add("owner", c.owner() == null ? Json.createValue("") : Json.createValue(c.owner()));
        if (c.lastAccess() != null) {
          o.add("lastAccess", c.lastAccess().toString());
        } else {
          o.addNull("lastAccess");
        }
        items.add(o);
      }
      return Response.ok(Json.createObjectBuilder().add("items", items).build().toString(),
          MediaType.APPLICATION_JSON).build();
    });
  }

  @POST
  @Path("{uid}")
  @Operation(summary = "Create a cart (replacing any earlier cart of this uid): 201 Cart Processing has begun")
  public Response submit(@PathParam("uid") String uid, String body) {
    return answer(() -> {
      carts.submit(uid, CartRequest.parse(body), caller());
      return CartdAnswers.message(201, "Cart Processing has begun");
    });
  }

  @HEAD
  @Path("{uid}")
  @Operation(summary = "A cart's status in X-Pacifica-Status and X-Pacifica-Message: 204, 500 in error, 404 unknown")
  public Response status(@PathParam("uid") String uid) {
    return answer(() -> {
      CartView cart;
      try {
        cart = carts.status(uid, caller());
      } catch (NotFoundException unknown) {
        return CartdAnswers.error(request, 404, "unknown-cart", "Not Found")
            .header("X-Pacifica-Status", "error").header("X-Pacifica-Message", unknown.getMessage()).build();
      }
      Response.ResponseBuilder r = "error".equals(cart.status())
          ? CartdAnswers.error(request, 500, "cart-error", "Internal Server Error")
          : Response.noContent();
      return r.header("X-Pacifica-Status", cart.status()).header("X-Pacifica-Message", cart.message()).build();
    });
  }

  @GET
  @Path("{uid}")
  @Operation(summary = "Download the cart's tar (202 while it is not ready); Range on a pre-bundled cart")
  public Response download(@PathParam("uid") String uid, @QueryParam("filename") String filename,
      @HeaderParam("Range") String range) {
    return answer(() -> {
      String name = filename == null ? DEFAULT_NAME.format(clock.instant()) : TarNames.check(filename);
      CartDownload cart;
      try {
        cart = carts.download(uid, caller());
      } catch (NotFoundException unknown) {
        return CartdAnswers.error(request, 404, "unknown-cart", NO_CART).build();
      }
      if (!cart.ready()) {
        return Response.accepted(NOT_READY).type(MediaType.TEXT_PLAIN).build();
      }
      return cart.preBundled() ? bundle(cart, name, range) : streamed(cart, name);
    });
  }

  @DELETE
  @Path("{uid}")
  @Operation(summary = "Delete a cart with its files: 200 Cart Deleted Successfully, 404 unknown")
  public Response delete(@PathParam("uid") String uid) {
    return answer(() -> {
      carts.delete(uid, caller());
      return CartdAnswers.message(200, "Cart Deleted Successfully");
    });
  }

  /** The tar written from the staged files as it is sent: entries {@code {name without .tar}/{path}}. */
  private Response streamed(CartDownload cart, String name) {
    String prefix = TarNames.prefix(name);
    var members = cart.staged().stream().map(m -> new CartTar.Member(prefix + "/" + m.name(), m.file())).toList();
    StreamingOutput body = out -> CartTar.write(members, out);
    return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM)
        .header("Content-Disposition", TarNames.disposition(name)).build();
  }

  /** The pre-bundled tar, whole or one byte range of it. */
  private Response bundle(CartDownload cart, String name, String range) throws java.io.IOException {
    long size = Files.size(cart.bundle());
    Response.ResponseBuilder r = Downloads.ranged(
        offset -> Channels.newInputStream(FileChannel.open(cart.bundle()).position(offset)), size, range);
    if (r == null) {
      return Response.status(416).header("Content-Range", "bytes */" + size).build();
    }
    return r.type(MediaType.APPLICATION_OCTET_STREAM).header("Content-Disposition", TarNames.disposition(name)).build();
  }

  /** Who asks; with authentication required, someone must. */
  private Optional<Caller> caller() {
    Optional<Caller> caller = security.getUserPrincipal() instanceof JsonWebToken jwt
        ? Optional.of(Callers.caller(jwt)) : Optional.empty();
    if (caller.isEmpty() && settings.authRequired()) {
      throw new org.dropcart.platform.domain.UnauthorizedException("unauthenticated",
          "A valid bearer token is required");
    }
    return caller;
  }

  @FunctionalInterface
  private interface Work {
    Response run() throws Exception;
  }

  /** Runs a route; every failure becomes cartd's error body with a precise status, logged once. */
  private Response answer(Work work) {
    try {
      return work.run();
    } catch (Exception thrown) {
      Throwable e = ProblemMapper.unwrap(thrown);
      if (e instanceof DropcartException d) {
        Response.ResponseBuilder r = CartdAnswers.error(request, ProblemMapper.problemOf(d).status(), d.kind(),
            d.getMessage());
        if (d instanceof org.dropcart.platform.domain.UnauthorizedException) {
          r.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return r.build();
      }
      LOG.log(Level.SEVERE, "Request " + RequestIds.of(request) + " " + request.getMethod() + " "
          + request.getRequestURI() + " failed", e);
      return CartdAnswers.error(request, 500, "internal-error",
          "The request failed on the server; quote the request id " + RequestIds.of(request)).build();
    }
  }
}
