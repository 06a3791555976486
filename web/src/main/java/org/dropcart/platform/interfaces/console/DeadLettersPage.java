package org.dropcart.platform.interfaces.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.dropcart.platform.application.DeadLetterView;
import org.dropcart.platform.application.DeadLetters;

/** The dead-letter queue page: lists the messages and sends one back to its queue or drops it. */
@Named
@ViewScoped
public class DeadLettersPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private DeadLetters deadLetters;

  private LazyTable<DeadLetterView> table;

  @PostConstruct
  void init() {
    table = new LazyTable<>(deadLetters::list, DeadLetterView::messageId);
  }

  public LazyTable<DeadLetterView> getTable() {
    return table;
  }

  public void retry(DeadLetterView message) {
    Messages.attempt(() -> deadLetters.retry(message.messageId()),
        "Message " + message.messageId() + " went back to " + message.originalQueue() + ".");
  }

  public void discard(DeadLetterView message) {
    Messages.attempt(() -> deadLetters.discard(message.messageId()),
        "Message " + message.messageId() + " was discarded.");
  }
}
