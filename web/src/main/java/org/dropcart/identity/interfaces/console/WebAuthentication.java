package org.dropcart.identity.interfaces.console;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Type;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One identity, two ways in. The pages (the console, the portal, the sign-in forms) use a session
 * opened by the sign-in form, whose password check is {@link PasswordIdentityStore} over the same
 * users; everything else — {@code /api/…}, seed 002's root routes, the socket gateway, health —
 * takes bearer tokens, verified by MicroProfile JWT. The server holds one mechanism per
 * application, so this one is selected (an enabled alternative) and hands each request to the
 * mechanism of its path: a session cookie alone never opens the API, and a bearer token never
 * opens a page. Tokens are the default, so a route added later is never session-authenticated by
 * accident.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(loginPage = WebAuthentication.SIGN_IN_PAGE, errorPage = "", useForwardToLogin = false))
public class WebAuthentication implements HttpAuthenticationMechanism {
  private static final Logger LOG = Logger.getLogger(WebAuthentication.class.getName());

  /** Where a person without a session is sent, with the page they asked for remembered. */
  public static final String SIGN_IN_PAGE = "/signin.xhtml";

  @Inject private BeanManager beans;

  private volatile HttpAuthenticationMechanism tokens;
  private volatile HttpAuthenticationMechanism form;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    return of(request).validateRequest(request, response, context);
  }

  @Override
  public AuthenticationStatus secureResponse(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    return of(request).secureResponse(request, response, context);
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    of(request).cleanSubject(request, response, context);
  }

  /** Whether a request is for a page (session-authenticated) rather than the API. */
  static boolean isPage(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.isEmpty()
        || path.equals("/")
        || path.equals("/signout")
        || path.startsWith("/console/")
        || path.startsWith("/portal/")
        || (path.endsWith(".xhtml") && path.indexOf('/', 1) < 0) // signin, signup, index
        || path.startsWith("/jakarta.faces.resource/");
  }

  private HttpAuthenticationMechanism of(HttpServletRequest request) {
    if (tokens == null || form == null) {
      discover();
    }
    return isPage(request) ? form : tokens;
  }

  /**
   * Finds the server's MicroProfile JWT mechanism (from {@code @LoginConfig} on the JAX-RS
   * application) and the form mechanism this class's annotation defines, among all the
   * mechanism beans; the token mechanism is told by its type.
   */
  private synchronized void discover() {
    if (tokens != null && form != null) {
      return;
    }
    HttpAuthenticationMechanism jwt = null;
    HttpAuthenticationMechanism formMechanism = null;
    StringBuilder seen = new StringBuilder();
    for (Bean<?> bean : beans.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE)) {
      if (bean.getBeanClass() == WebAuthentication.class) {
        continue;
      }
      String names =
          bean.getBeanClass().getName() + " "
              + bean.getTypes().stream().map(Type::getTypeName).collect(Collectors.joining(" "));
      HttpAuthenticationMechanism instance = instance(bean);
      names = names + " " + instance.getClass().getName();
      seen.append("[").append(names).append("] ");
      if (names.contains("JWT") || names.contains("Jwt")) {
        jwt = instance;
      } else {
        // Soteria registers the mechanism of @CustomFormAuthenticationMechanismDefinition as a
        // synthetic bean with no telling type: it is the one that is not the token mechanism.
        formMechanism = instance;
      }
    }
    if (jwt == null || formMechanism == null) {
      throw new IllegalStateException(
          "The server offers no "
              + (jwt == null ? "MicroProfile JWT" : "form")
              + " authentication mechanism to hand requests to; found " + seen);
    }
    LOG.fine(() -> "API requests go to the token mechanism, pages to the form mechanism");
    tokens = jwt;
    form = formMechanism;
  }

  @SuppressWarnings("unchecked")
  private HttpAuthenticationMechanism instance(Bean<?> bean) {
    CreationalContext<?> creation = beans.createCreationalContext(bean);
    return (HttpAuthenticationMechanism)
        beans.getReference(bean, HttpAuthenticationMechanism.class, creation);
  }
}
