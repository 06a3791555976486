package org.dropcart.upload.interfaces.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.dropcart.identity.interfaces.console.WebSession;
import org.dropcart.platform.interfaces.console.LazyTable;
import org.dropcart.platform.interfaces.console.Messages;
import org.dropcart.upload.application.InFlightUpload;
import org.dropcart.upload.application.Uploads;

/**
 * The console's uploads page: every tus upload still in flight with its progress, refreshed every
 * two seconds; an admin terminates one (its bytes are deleted, as a tus DELETE does).
 */
@Named
@ViewScoped
public class UploadsPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private Uploads uploads;
  @Inject private WebSession session;

  private final LazyTable<InFlightUpload> table =
      new LazyTable<>(l -> uploads.inFlight(l, session.caller()), InFlightUpload::id);

  public LazyTable<InFlightUpload> getTable() {
    return table;
  }

  /** Terminates the upload named by id (not by row: the table refreshes under the person's click). */
  public void terminate(String id) {
    Messages.attempt(() -> uploads.terminateAny(id, session.caller()),
        "Upload " + id + " terminated; its bytes are deleted.");
  }
}
