package org.dropcart.identity.interfaces.console;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.dropcart.identity.application.LoginOutcome;

/** How this request's sign-in ended, so the form can say why it was refused. */
@RequestScoped
public class SignInAttempt {
  private LoginOutcome outcome;

  void record(LoginOutcome outcome) {
    this.outcome = outcome;
  }

  Optional<LoginOutcome> outcome() {
    return Optional.ofNullable(outcome);
  }
}
