package org.dropcart.platform.interfaces.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.FacesContext;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.platform.domain.DropcartException;
import org.dropcart.platform.domain.InvalidInputException;

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
      refused(e);
    } catch (RuntimeException e) {
      DropcartException refusal = Refusals.of(e);
      if (refusal != null) {
        refused(refusal);
      } else {
        LOG.log(Level.SEVERE, "A console action failed", e);
        error("The action failed on the server; the log has the details.");
      }
    }
    return false;
  }

  /**
   * Shows a refusal. Bad input names its fields: a field the request just submitted (its input's id
   * is the field's name in kebab case, {@code groupingWindow} → {@code grouping-window}) is marked
   * invalid, so PrimeFaces outlines it and its label, and its message says the label, not the API's
   * field name; any other refusal is one message for the page.
   */
  private static void refused(DropcartException refusal) {
    if (!(refusal instanceof InvalidInputException invalid)) {
      error(refusal.getMessage());
      return;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    for (InvalidInputException.FieldError field : invalid.errors()) {
      UIInput input = submittedInput(faces, field.field());
      if (input == null) {
        error(field.field() + ": " + field.message());
      } else {
        // Keep what the person typed on the screen: an invalid input renders its submitted value.
        Object typed = input.getValue();
        input.setSubmittedValue(typed == null ? "" : typed.toString());
        input.setValid(false);
        Object label = input.getAttributes().get("label");
        faces.addMessage(input.getClientId(faces), new FacesMessage(FacesMessage.SEVERITY_ERROR,
            (label == null ? field.field() : label) + ": " + field.message(), null));
      }
    }
  }

  /** The input this request submitted whose id names {@code field}, if any. */
  private static UIInput submittedInput(FacesContext faces, String field) {
    if (faces.getViewRoot() == null || !faces.getPartialViewContext().isAjaxRequest()) {
      return null;
    }
    String id = field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    java.util.Collection<String> submitted = faces.getPartialViewContext().getExecuteIds();
    UIInput[] found = new UIInput[1];
    faces.getViewRoot().visitTree(VisitContext.createVisitContext(faces), (context, component) -> {
      if (component instanceof UIInput input && id.equals(input.getId())
          && submitted.contains(input.getClientId(faces))) {
        found[0] = input;
        return VisitResult.COMPLETE;
      }
      return VisitResult.ACCEPT;
    });
    return found[0];
  }

  public static void info(String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  public static void error(String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }
}
