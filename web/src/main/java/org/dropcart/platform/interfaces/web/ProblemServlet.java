package org.dropcart.platform.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.platform.interfaces.rest.AccessLog;
import org.dropcart.platform.interfaces.rest.Problem;
import org.dropcart.platform.interfaces.rest.RequestIds;
import org.eclipse.microprofile.config.Config;

/**
 * The error page for everything the container answers before or outside JAX-RS — a token the
 * MicroProfile JWT layer refuses (401), a path no servlet serves (404), a failure in a filter — so
 * those responses are problem bodies too, logged once like any other request.
 */
@WebServlet(name = "problem", urlPatterns = "/problem")
public class ProblemServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ProblemServlet.class.getName());

  @Inject private transient Config config;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 404;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri instanceof String s ? s : request.getRequestURI();
    String requestId = RequestIds.of(request);
    Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    Problem problem;
    if (thrown instanceof Throwable t) {
      status = 500;
      LOG.log(Level.SEVERE, "Request " + requestId + " " + request.getMethod() + " " + path + " failed", t);
      problem = Problem.of(500, "internal-error",
          "The request failed on the server; quote the request id when reporting it");
    } else if (status == 401) {
      problem = Problem.of(401, "invalid-token",
          "The bearer token is missing, malformed, expired, not signed by this server, or revoked");
      response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    } else {
      problem = Problem.forStatus(status);
    }
    response.setStatus(status);
    response.setHeader(RequestIds.HEADER, requestId);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (wantsPage(request, path)) {
      response.setContentType("text/html");
      response.getWriter().write(page(problem, status, requestId, request.getContextPath()));
    } else {
      response.setContentType(Problem.MEDIA_TYPE);
      response.getWriter().write(problem.toJson(requestId));
    }
    AccessLog.write(
        new AccessLog.Entry(request.getMethod(), path, status, -1,
            request.getRemoteUser(), requestId, problem.kind()),
        config.getOptionalValue("dropcart.log.json", Boolean.class).orElse(false));
  }

  /** A browser asking for a page (console, portal) gets the problem as a page; the API never does. */
  private static boolean wantsPage(HttpServletRequest request, String path) {
    String accept = request.getHeader("Accept");
    String local = path.substring(Math.min(path.length(), request.getContextPath().length()));
    return accept != null && accept.contains("text/html") && !local.startsWith("/api");
  }

  private static String page(Problem problem, int status, String requestId, String contextPath) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>" + status + " "
        + escape(problem.title()) + " · Dropcart</title></head><body><main><h1 id=\"problem-title\">" + status + " "
        + escape(problem.title()) + "</h1><p id=\"problem-detail\">" + escape(problem.detail())
        + "</p><p>Request id: <code>" + escape(requestId) + "</code></p><p><a href=\"" + escape(contextPath)
        + "/\">Back to Dropcart</a></p></main></body></html>";
  }

  private static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
