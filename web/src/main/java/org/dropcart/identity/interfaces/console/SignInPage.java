package org.dropcart.identity.interfaces.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.dropcart.identity.application.IdentityService;
import org.dropcart.identity.application.LoginOutcome;
import org.dropcart.identity.application.RequestOrigin;
import org.dropcart.platform.domain.DropcartException;

/**
 * The sign-in and sign-up forms shared by the console and the portal. Signing in goes through the
 * container's security (so the session carries the caller and their role) and lands on the page
 * that was asked for, or on the caller's home: the console for admins, the portal for users.
 */
@Named
@RequestScoped
public class SignInPage {
  @Inject private SecurityContext security;
  @Inject private SignInAttempt attempt;
  @Inject private WebSession session;
  @Inject private IdentityService identity;

  private String username;
  private String password;

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  /** Sends a visitor who is already signed in to their home instead of showing the form. */
  public void skipWhenSignedIn() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
    if (request.getRemoteUser() != null && session.isOpen()) {
      faces.getExternalContext().redirect(home(request));
    }
  }

  /** The site's root: the caller's home when signed in, the sign-in form otherwise. */
  public void land() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
    faces.getExternalContext().redirect(
        request.getRemoteUser() != null && session.isOpen()
            ? home(request)
            : request.getContextPath() + WebAuthentication.SIGN_IN_PAGE);
  }

  public void signIn() throws IOException {
    authenticate();
  }

  /** Seed 003's web client: anyone may open an account (a plain user) and is signed in at once. */
  public void signUp() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
    try {
      identity.signUp(username, password, new RequestOrigin(request.getRemoteAddr()));
    } catch (DropcartException e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
      return;
    }
    authenticate();
  }

  private void authenticate() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    HttpServletResponse response = (HttpServletResponse) external.getResponse();
    AuthenticationStatus status =
        security.authenticate(
            request,
            response,
            AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(nonNull(username), new Password(nonNull(password)))));
    switch (status) {
      case SEND_CONTINUE -> faces.responseComplete();
      case SUCCESS -> external.redirect(home(request));
      default -> {
        password = null;
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal(), null));
      }
    }
  }

  private String refusal() {
    return attempt.outcome()
        .filter(LoginOutcome.Throttled.class::isInstance)
        .map(LoginOutcome.Throttled.class::cast)
        .map(t -> "Too many failed sign-ins for this name; try again in "
            + Math.max(1, t.retryAfter().toSeconds()) + " s.")
        .orElse("Wrong username or password.");
  }

  static String home(HttpServletRequest request) {
    return request.getContextPath() + (request.isUserInRole("admin") ? "/console/" : "/portal/");
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
