package org.dropcart.identity.interfaces.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.dropcart.identity.application.AuditLog;
import org.dropcart.identity.domain.AuditEvent;
import org.dropcart.identity.domain.AuditEventType;
import org.dropcart.platform.interfaces.console.LazyTable;

/** The audit log, newest first, filtered by event type and username. */
@Named
@ViewScoped
public class AuditPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private AuditLog log;

  private LazyTable<AuditEvent> table;

  @PostConstruct
  void init() {
    table = new LazyTable<>(
        listing -> log.page(listing.page(), listing.filter("type").orElse(null), listing.filter("username").orElse(null)),
        AuditEvent::id);
  }

  public LazyTable<AuditEvent> getTable() {
    return table;
  }

  public List<String> getTypes() {
    return Arrays.stream(AuditEventType.values()).map(Enum::name).toList();
  }
}
