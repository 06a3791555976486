package org.dropcart.identity.interfaces.console;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.dropcart.identity.application.IdentityService;
import org.dropcart.identity.application.IssuedToken;
import org.dropcart.identity.application.RequestOrigin;
import org.dropcart.platform.interfaces.console.Refusals;

/**
 * The access token the portal's scripts present to the API, renewed when it runs short ({@link
 * WebSession#currentToken}): {@code {"accessToken", "expiresAt", "expiresIn"}}. Only for the
 * signed-in session itself (under /portal, so the container and {@link SessionGuard} have checked
 * it); another site cannot read the answer (no CORS).
 */
@WebServlet(name = "portal-token", urlPatterns = "/portal/token")
public class PortalToken extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject private transient IdentityService identity;
  @Inject private transient WebSession session;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    IssuedToken token;
    try {
      token = session.currentToken(identity, new RequestOrigin(request.getRemoteAddr()));
    } catch (RuntimeException e) {
      response.sendError(Refusals.status(e));
      return;
    }
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(Json.createObjectBuilder()
        .add("accessToken", token.token())
        .add("expiresAt", token.expiresAt().toString())
        .add("expiresIn", Math.max(0, token.expiresAt().getEpochSecond() - Instant.now().getEpochSecond()))
        .build().toString());
  }
}
