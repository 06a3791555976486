package org.dropcart.platform.interfaces.rest;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.dropcart.platform.domain.InvalidInputException.FieldError;

/**
 * An RFC 9457 problem body: {@code type} (a URN naming the kind of problem), {@code title} (the
 * status' reason), {@code status}, {@code detail} (what went wrong, for a person), {@code
 * requestId} (to find the one log line about it) and, for invalid input, {@code errors} per field.
 */
public record Problem(int status, String kind, String detail, List<FieldError> errors) {
  public static final String MEDIA_TYPE = "application/problem+json";
  static final String TYPE_PREFIX = "urn:dropcart:problem:";
  static final String KIND_ATTRIBUTE = "dropcart.problem";

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public static Problem of(int status, String kind, String detail) {
    return new Problem(status, kind, detail, List.of());
  }

  /**
   * The problem for a status the runtime raises by itself (no route, wrong method, wrong media
   * type, a refused token), worded once for JAX-RS and the container's error page alike.
   */
  public static Problem forStatus(int status) {
    return switch (status) {
      case 400 -> Problem.of(400, "bad-request", "The request is malformed");
      case 401 -> Problem.of(401, "unauthenticated", "A valid bearer token is required");
      case 403 -> Problem.of(403, "forbidden", "Your role does not allow this");
      case 404 -> Problem.of(404, "not-found", "No such resource");
      case 405 -> Problem.of(405, "method-not-allowed", "This resource does not support that method");
      case 406 -> Problem.of(406, "not-acceptable", "No representation matches the Accept header");
      case 413 -> Problem.of(413, "body-too-large", "The request body is too large");
      case 415 -> Problem.of(415, "unsupported-media-type", "This resource does not accept that Content-Type");
      default -> Problem.of(status, "http-" + status, null);
    };
  }

  public String title() {
    Response.Status known = Response.Status.fromStatusCode(status);
    return switch (status) {
      case 422 -> "Unprocessable Content";
      case 423 -> "Locked";
      case 460 -> "Checksum Mismatch";
      case 429 -> "Too Many Requests";
      case 507 -> "Insufficient Storage";
      default -> known == null ? "Error" : known.getReasonPhrase();
    };
  }

  public String toJson(String requestId) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("type", TYPE_PREFIX + kind)
            .add("title", title())
            .add("status", status)
            .add("detail", detail == null ? title() : detail);
    if (requestId != null) {
      body.add("requestId", requestId);
    }
    if (!errors.isEmpty()) {
      JsonArrayBuilder list = Json.createArrayBuilder();
      errors.forEach(e -> list.add(Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
      body.add("errors", list);
    }
    return body.build().toString();
  }

  /** The response carrying this problem; its kind is remembered for the request's log line. */
  public Response.ResponseBuilder response(HttpServletRequest request) {
    request.setAttribute(KIND_ATTRIBUTE, kind);
    return Response.status(status, title()).type(MEDIA_TYPE).entity(toJson(RequestIds.of(request)));
  }
}
