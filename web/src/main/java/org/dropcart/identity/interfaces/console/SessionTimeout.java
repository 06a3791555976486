package org.dropcart.identity.interfaces.console;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * How long a console or portal session lasts without a request ({@code dropcart.web.session-timeout},
 * default 30 minutes): then the next page asks to sign in again.
 */
@WebListener
public class SessionTimeout implements HttpSessionListener {
  @Inject private Config config;

  @Override
  public void sessionCreated(HttpSessionEvent event) {
    Duration idle =
        Duration.parse(config.getOptionalValue("dropcart.web.session-timeout", String.class).orElse("PT30M"));
    event.getSession().setMaxInactiveInterval((int) Math.max(60, Math.min(Integer.MAX_VALUE, idle.toSeconds())));
  }
}
