package org.dropcart.identity.interfaces.console;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.dropcart.identity.application.IdentityService;
import org.dropcart.identity.application.RequestOrigin;
import org.dropcart.identity.application.TokenClaims;

/**
 * Signs the browser out: the session's access token is revoked (so a copy the portal's scripts
 * held stops working too), the container forgets the caller and the session ends. POST only: a
 * link or an image on another site cannot sign anyone out.
 */
@WebServlet(name = "sign-out", urlPatterns = "/signout")
public class SignOut extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject private transient IdentityService identity;
  @Inject private transient WebSession session;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    end(request, identity, session);
    response.sendRedirect(request.getContextPath() + WebAuthentication.SIGN_IN_PAGE + "?signedOut=true");
  }

  /** Ends the browser session and its access token; also used when the token stops counting. */
  static void end(HttpServletRequest request, IdentityService identity, WebSession session)
      throws ServletException {
    if (session.isOpen() && request.getRemoteUser() != null) {
      List<TokenClaims> tokens = new ArrayList<>(session.superseded());
      session.claims().ifPresent(tokens::add);
      for (TokenClaims claims : tokens) {
        if (identity.honours(claims.userId(), claims.tokenId(), claims.generation())) {
          identity.logOut(claims.username(), claims, new RequestOrigin(request.getRemoteAddr()));
        }
      }
    }
    session.close();
    request.logout();
    HttpSession http = request.getSession(false);
    if (http != null) {
      http.invalidate();
    }
  }
}
