package org.dropcart.function.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.dropcart.function.domain.Function;
import org.dropcart.function.domain.FunctionNames;
import org.dropcart.platform.application.Caller;

/**
 * Registers a function: the archive is staged and checked outside any transaction, moved into
 * place as the next version, and only then recorded (one short transaction); a registration that
 * does not commit takes its files away again. Registrations of one name on one node take turns.
 */
@ApplicationScoped
public class FunctionRegistration {
  private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  @Inject private FunctionCatalog catalog;
  @Inject private FunctionFiles files;

  public FunctionView register(String runtime, String name, InputStream module, String originalName,
      Caller caller) {
    FunctionNames.require("funcName", name);
    catalog.requireRuntime(runtime);
    catalog.nextVersion(name, caller);
    ReentrantLock lock = locks.computeIfAbsent(name, n -> new ReentrantLock());
    lock.lock();
    FunctionFiles.Staged staged = null;
    try {
      staged = files.stage(module, originalName);
      int version = catalog.nextVersion(name, caller);
      files.keep(staged, name, version);
      try {
        return catalog.registered(runtime, name, version,
            new Function.Archive(originalName == null ? "module" : originalName, staged.size(), staged.fileCount(),
                staged.bytes()), caller);
      } catch (RuntimeException e) {
        files.forget(name, version);
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (staged != null) {
        FunctionFiles.delete(staged.archive().getParent());
      }
      lock.unlock();
    }
  }
}
