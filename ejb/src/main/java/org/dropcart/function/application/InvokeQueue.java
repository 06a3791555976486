package org.dropcart.function.application;

/** Hands a call to the invocation workers, once the transaction that made it commits. */
public interface InvokeQueue {
  void enqueue(long callNum);
}
