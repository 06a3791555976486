package org.dropcart.imports.application;

/** Hands an import to the import workers, once the transaction that made it commits. */
public interface ImportQueue {
  void enqueue(String importId);
}
