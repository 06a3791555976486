package org.dropcart.platform.interfaces.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.platform.domain.DropcartException;

/**
 * How a console or portal action tells the person what happened: a refusal of the application (a
 * {@link DropcartException}: bad input, not found, conflict…) becomes an error message on the page
 * with its own words; anything else is logged once with its stack trace and shown as a plain
 * failure, never as a trace.
 */
public final class Messages {
  private static final Logger LOG = Logger.getLogger(Messages.class.getName());

  private Messages() {}

  /** Runs {@code action}; on success shows {@code done} (if not null). True when it succeeded. */
  public static boolean attempt(Runnable action, String done) {
    return attempt(() -> {
      action.run();
      return done;
    });
  }

  /** Runs {@code action}, which returns the message to show on success (or null for none). */
  public static boolean attempt(Supplier<String> action) {
    try {
      String done = action.get();
      if (done != null) {
        info(done);
      }
      return true;
    } catch (DropcartException e) {
      error(e.getMessage());
    } catch (RuntimeException e) {
      DropcartException refusal = Refusals.of(e);
      if (refusal != null) {
        error(refusal.getMessage());
      } else {
        LOG.log(Level.SEVERE, "A console action failed", e);
        error("The action failed on the server; the log has the details.");
      }
    }
    return false;
  }

  public static void info(String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  public static void error(String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }
}
