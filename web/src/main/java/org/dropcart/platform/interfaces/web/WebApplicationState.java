package org.dropcart.platform.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;

/** Whether the web module has finished starting and serves requests (see {@link StartedSignal}). */
@ApplicationScoped
public class WebApplicationState {
  private final AtomicBoolean serving = new AtomicBoolean();

  void started() {
    serving.set(true);
  }

  public boolean isServing() {
    return serving.get();
  }
}
