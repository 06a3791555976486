package org.dropcart.imports.interfaces.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.dropcart.identity.interfaces.console.WebSession;
import org.dropcart.imports.application.ImportLedger;
import org.dropcart.imports.application.ImportRow;
import org.dropcart.platform.interfaces.console.LazyTable;
import org.dropcart.platform.interfaces.console.Messages;

/** Every import with its progress; an admin cancels one as DELETE /api/imports/{id} would. */
@Named
@ViewScoped
public class ImportsPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private ImportLedger imports;
  @Inject private WebSession session;

  private LazyTable<ImportRow> table;

  @PostConstruct
  void init() {
    table = new LazyTable<>(listing -> imports.all(listing, session.caller()), ImportRow::id);
  }

  public LazyTable<ImportRow> getTable() {
    return table;
  }

  /** True while some import has not ended: the page polls then. */
  public boolean isActive() {
    return imports.anyActive();
  }

  public void cancel(ImportRow row) {
    Messages.attempt(() -> "Import " + imports.cancel(row.id(), session.caller()).id() + " is cancelled.");
  }
}
