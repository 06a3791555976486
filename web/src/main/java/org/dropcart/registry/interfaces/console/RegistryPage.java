package org.dropcart.registry.interfaces.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.dropcart.platform.interfaces.console.LazyTable;
import org.dropcart.platform.interfaces.console.Messages;
import org.dropcart.registry.application.EntryView;
import org.dropcart.registry.application.Registry;

/**
 * The registry's live keys in key order, filtered by prefix (the key column's filter). A delete is
 * an AtomicDelete at the version shown, so a key changed since the page was read is not deleted.
 */
@Named
@ViewScoped
public class RegistryPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private Registry registry;

  private LazyTable<EntryView> table;

  @PostConstruct
  void init() {
    table = new LazyTable<>(listing -> registry.list(listing.filter("key").orElse(""), listing.page()), EntryView::key);
  }

  public LazyTable<EntryView> getTable() {
    return table;
  }

  public void delete(EntryView entry) {
    Messages.attempt(() -> registry.delete(entry.key(), entry.version()), "Key " + entry.key() + " deleted.");
  }
}
