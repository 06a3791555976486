package org.dropcart.file.interfaces.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.dropcart.file.application.FileCatalog;
import org.dropcart.file.application.FileView;
import org.dropcart.identity.interfaces.console.WebSession;
import org.dropcart.platform.interfaces.console.LazyTable;
import org.dropcart.platform.interfaces.console.Messages;

/**
 * The console's stored files page: every pool's file index, sorted and filtered; an admin
 * downloads a file (through the console's own download servlet) or deletes one (refused while a
 * sealed group or a group's result needs it).
 */
@Named
@ViewScoped
public class FilesPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private FileCatalog files;
  @Inject private WebSession session;

  private final LazyTable<FileView> table = new LazyTable<>(l -> files.list(l, session.caller()), FileView::fileName);

  public LazyTable<FileView> getTable() {
    return table;
  }

  /** Deletes the file named in the request (by name, not by row: rows may shift under a click). */
  public void delete(String fileName) {
    Messages.attempt(() -> files.delete(fileName, session.caller()), "File " + fileName + " deleted.");
  }
}
