package org.dropcart.function.interfaces.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.dropcart.function.application.CallView;
import org.dropcart.function.application.FunctionCatalog;
import org.dropcart.function.application.FunctionView;
import org.dropcart.function.application.RuntimeView;
import org.dropcart.identity.interfaces.console.WebSession;
import org.dropcart.platform.interfaces.console.LazyTable;
import org.dropcart.platform.interfaces.console.Messages;

/** FaaS runtimes, functions and every call; a call's params, result and stderr open in a dialog. */
@Named
@ViewScoped
public class FunctionsPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private FunctionCatalog catalog;
  @Inject private WebSession session;

  private LazyTable<FunctionView> functions;
  private LazyTable<CallView> calls;
  private List<RuntimeView> runtimes;
  private CallView shown;

  @PostConstruct
  void init() {
    functions = new LazyTable<>(catalog::functionList, FunctionView::functionName);
    calls = new LazyTable<>(listing -> catalog.callList(listing, session.caller()), c -> Long.toString(c.callNum()));
  }

  public List<RuntimeView> getRuntimes() {
    if (runtimes == null) {
      runtimes = catalog.runtimes();
    }
    return runtimes;
  }

  public LazyTable<FunctionView> getFunctions() {
    return functions;
  }

  public LazyTable<CallView> getCalls() {
    return calls;
  }

  /** Reads the call afresh for the dialog (its row may be older). */
  public void show(long callNum) {
    Messages.attempt(() -> {
      shown = catalog.call(callNum, session.caller());
      return null;
    });
  }

  public CallView getShown() {
    return shown;
  }
}
