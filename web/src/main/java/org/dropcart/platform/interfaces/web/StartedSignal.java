package org.dropcart.platform.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.GenericServlet;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * Declared in web.xml with no mapping and the highest load-on-startup, so its {@code init} runs
 * after every other servlet (JAX-RS included) and just before the web module starts serving.
 */
public class StartedSignal extends GenericServlet {
  private static final long serialVersionUID = 1L;

  @Inject private transient WebApplicationState state;

  @Override
  public void init() {
    state.started();
  }

  @Override
  public void service(ServletRequest request, ServletResponse response) {
    // Never mapped: it only marks the moment the web module is ready.
  }
}
