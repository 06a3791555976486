package org.dropcart.registry.interfaces.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.dropcart.platform.interfaces.console.LazyTable;
import org.dropcart.platform.interfaces.console.Messages;
import org.dropcart.registry.application.EntryView;
import org.dropcart.registry.application.PresenceView;
import org.dropcart.registry.application.Registry;

/**
 * What announces itself in the registry now (FaaS workers, external processors), then the
 * registry's live keys in key order, filtered by prefix (the key column's filter). A delete is an
 * AtomicDelete at the version shown, so a key changed since the page was read is not deleted.
 */
@Named
@ViewScoped
public class RegistryPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private Registry registry;

  /** The most of each kind of presence the page lists (the keys table below has them all). */
  private static final int PRESENT_LIMIT = 200;

  private LazyTable<EntryView> table;
  private List<PresenceView> present;

  @PostConstruct
  void init() {
    table = new LazyTable<>(listing -> registry.list(listing.filter("key").orElse(""), listing.page()), EntryView::key);
  }

  public List<PresenceView> getPresent() {
    if (present == null) {
      present = registry.present(PRESENT_LIMIT);
    }
    return present;
  }

  public LazyTable<EntryView> getTable() {
    return table;
  }

  public void delete(EntryView entry) {
    Messages.attempt(() -> registry.delete(entry.key(), entry.version()), "Key " + entry.key() + " deleted.");
    present = null;
  }
}
