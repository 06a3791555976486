package org.dropcart.cart.interfaces.rest;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.dropcart.platform.interfaces.rest.Problem;

/**
 * cartd's bodies: {@code {"message"}} for outcomes, and for errors its error page {@code
 * {"status": "404 Not Found", "message", "traceback", "version"}} — the traceback always empty,
 * since no stack trace ever leaves Dropcart. The problem kind is still recorded for the request's
 * log line.
 */
final class CartdAnswers {
  static final String VERSION = "dropcart";

  private CartdAnswers() {}

  static Response message(int status, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON)
        .entity(Json.createObjectBuilder().add("message", message).build().toString()).build();
  }

  static Response.ResponseBuilder error(HttpServletRequest request, int status, String kind, String message) {
    Problem problem = Problem.of(status, kind, message);
    return problem.response(request).type(MediaType.APPLICATION_JSON).entity(Json.createObjectBuilder()
        .add("status", status + " " + problem.title())
        .add("message", message)
        .add("traceback", "")
        .add("version", VERSION)
        .build().toString());
  }
}
