package org.dropcart.upload.application;

/** Hands complete uploads to the store pipeline, inside the caller's transaction. */
public interface StoreQueue {
  void enqueue(String uploadId);
}
