package org.dropcart.platform.interfaces.rest;

import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.platform.domain.BusyException;
import org.dropcart.platform.domain.InsufficientStorageException;
import org.dropcart.platform.domain.ConflictException;
import org.dropcart.platform.domain.GoneException;
import org.dropcart.platform.domain.TooLargeException;
import org.dropcart.platform.domain.UnauthorizedException;
import org.dropcart.platform.domain.UnavailableException;
import org.dropcart.platform.infrastructure.Outages;
import org.dropcart.platform.domain.DropcartException;
import org.dropcart.platform.domain.Failures;
import org.dropcart.platform.domain.ForbiddenException;
import org.dropcart.platform.domain.InvalidInputException;
import org.dropcart.platform.domain.NotFoundException;

/**
 * Seed 001's "recover" middleware: every exception that leaves a resource becomes a problem body
 * with a precise status. Domain outcomes map by type; malformed JSON is a 400; an unexpected failure
 * is a 500 whose body says only that, with the request id, while the stack trace goes to the log
 * once. No exception ever reaches a client as a stack trace.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());
  /** Seconds a client is told to wait before retrying while a backing service is unreachable. */
  static final int RETRY_AFTER_SECONDS = 5;
  /** The failure this request already logged: Jersey may map one exception more than once. */
  private static final String LOGGED_ATTRIBUTE = "dropcart.problem.logged";

  @Context private HttpServletRequest request;

  @Override
  public Response toResponse(Throwable thrown) {
    Throwable e = unwrap(thrown);
    Problem problem = problem(e);
    Response.ResponseBuilder response = problem.response(request);
    if (problem.status() == 503) {
      response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
    if (e instanceof NotAllowedException notAllowed) {
      response.allow(notAllowed.getResponse().getAllowedMethods());
    }
    if (e instanceof NotAuthorizedException) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    return response.build();
  }

  private Problem problem(Throwable e) {
    BodyLimit.TooLarge tooLarge = causeOfType(e, BodyLimit.TooLarge.class);
    if (tooLarge != null) {
      return Problem.of(413, "body-too-large", tooLarge.getMessage());
    }
    if (causeOfType(e, NoContentException.class) != null) {
      return Problem.of(400, "invalid-input", "body: a JSON object is required");
    }
    if (e instanceof DropcartException d) {
      return problemOf(d);
    }
    if (optimisticLockFailure(e)) {
      return Problem.of(409, "concurrent-update",
          "What this request changes was changed by another one meanwhile; read it again and retry");
    }
    if (causeOfType(e, JsonbException.class) != null || causeOfType(e, JsonException.class) != null) {
      return Problem.of(400, "malformed-json", "The request body is not valid JSON of the expected shape");
    }
    if (e instanceof WebApplicationException wae && wae.getResponse().getStatus() < 500) {
      return Problem.forStatus(wae.getResponse().getStatus());
    }
    if (e instanceof ProcessingException) {
      return Problem.of(400, "unreadable-body", "The request body could not be read");
    }
    Problem outage = outage(e);
    if (outage != null) {
      // Expected while a backing service is down: one line, no stack trace, the client may retry.
      logOnce(e, Level.WARNING, outage.kind() + ": " + Failures.describe(e), null);
      return outage;
    }
    logOnce(e, Level.SEVERE, "failed", e);
    return Problem.of(500, "internal-error",
        "The request failed on the server; quote the request id when reporting it");
  }

  private void logOnce(Throwable e, Level level, String what, Throwable trace) {
    if (request.getAttribute(LOGGED_ATTRIBUTE) == e) {
      return;
    }
    request.setAttribute(LOGGED_ATTRIBUTE, e);
    LOG.log(level, "Request " + RequestIds.of(request) + " " + request.getMethod() + " "
        + request.getRequestURI() + " " + what, trace);
  }

  /**
   * A 503 when the request failed because the broker or the database could not be reached: nothing
   * it asked for was done (its transaction rolled back), and the same request succeeds once the
   * service is back. (A send refused at once is an {@link UnavailableException} already; these are
   * the failures that surface later, when the transaction enlists or ends.)
   */
  static Problem outage(Throwable e) {
    return Outages.kindOf(e).map(kind -> Problem.of(503, kind, Outages.detail(kind))).orElse(null);
  }

  /** The problem a domain outcome is, wherever it is reported (HTTP, WebSocket). */
  public static Problem problemOf(DropcartException d) {
    List<InvalidInputException.FieldError> errors =
        d instanceof InvalidInputException invalid ? invalid.errors() : List.of();
    return new Problem(statusOf(d), d.kind(), d.getMessage(), errors);
  }

  /** The HTTP status of each kind of domain outcome. */
  private static int statusOf(DropcartException e) {
    if (e instanceof NotFoundException) {
      return 404;
    }
    if (e instanceof ConflictException) {
      return 409;
    }
    if (e instanceof GoneException) {
      return 410;
    }
    if (e instanceof TooLargeException) {
      return 413;
    }
    if (e instanceof BusyException) {
      return 423;
    }
    if (e instanceof InsufficientStorageException) {
      return 507;
    }
    if (e instanceof UnavailableException) {
      return 503;
    }
    if (e instanceof ForbiddenException) {
      return 403;
    }
    if (e instanceof UnauthorizedException) {
      return 401;
    }
    return 400;
  }

  public static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while (t instanceof EJBException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** JPA's, or the provider's own (EclipseLink wraps it at commit), anywhere in the chain. */
  private static boolean optimisticLockFailure(Throwable e) {
    return Failures.causeMatching(e, t -> t instanceof jakarta.persistence.OptimisticLockException
        || t.getClass().getSimpleName().equals("OptimisticLockException")) != null;
  }

  private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
    return type.cast(Failures.causeMatching(e, type::isInstance));
  }
}
