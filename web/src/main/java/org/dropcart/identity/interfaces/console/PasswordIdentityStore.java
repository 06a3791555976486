package org.dropcart.identity.interfaces.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.dropcart.identity.application.IdentityService;
import org.dropcart.identity.application.LoginOutcome;
import org.dropcart.identity.application.RequestOrigin;

/**
 * The sign-in form's password check: the API's own sign-in (same users, same throttling, same
 * audit trail). A successful sign-in also issues an access token, kept in the {@link WebSession}
 * so the pages can call the API (the portal's uploads) as that user.
 */
@ApplicationScoped
public class PasswordIdentityStore implements IdentityStore {
  @Inject private IdentityService identity;
  @Inject private WebSession session;
  @Inject private SignInAttempt attempt;
  @Inject private HttpServletRequest request;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential password)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    LoginOutcome outcome =
        identity.logIn(
            password.getCaller(),
            password.getPasswordAsString(),
            new RequestOrigin(request.getRemoteAddr()));
    attempt.record(outcome);
    if (outcome instanceof LoginOutcome.LoggedIn in) {
      session.open(in.signedIn());
      return new CredentialValidationResult(
          in.signedIn().user().username(), Set.of(in.signedIn().user().role()));
    }
    return CredentialValidationResult.INVALID_RESULT;
  }
}
