package org.dropcart.identity.interfaces.console;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.dropcart.identity.application.IdentityService;

/**
 * Runs on every console and portal request after the container has authenticated it: a session
 * whose access token no longer counts (signed out elsewhere, user disabled or their role changed)
 * is ended and the browser sent to sign in again, as the API refuses that token. Also keeps pages
 * out of shared caches and out of other sites' frames.
 */
@WebFilter(filterName = "session-guard", urlPatterns = {"/console/*", "/portal/*"})
public class SessionGuard extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Inject private transient IdentityService identity;
  @Inject private transient WebSession session;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Cache-Control", "no-store");
    if (request.getRemoteUser() != null && !stillCounts()) {
      SignOut.end(request, identity, session);
      String signIn = request.getContextPath() + WebAuthentication.SIGN_IN_PAGE + "?expired=true";
      if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
        // An Ajax request cannot follow a redirect status: Faces' partial response tells the page.
        response.setContentType("text/xml");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
            + signIn + "\"/></partial-response>");
      } else {
        response.sendRedirect(signIn);
      }
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean stillCounts() {
    return session.claims()
        .map(c -> identity.honours(c.userId(), c.tokenId(), c.generation()))
        .orElse(false);
  }
}
