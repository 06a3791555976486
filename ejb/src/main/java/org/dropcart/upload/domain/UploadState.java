package org.dropcart.upload.domain;

/** Where an upload is in its life. */
public enum UploadState {
  /** Accepting bytes. */
  RECEIVING,
  /** Every declared byte is on disk; the store pipeline has it (a partial upload waits for a final one). */
  COMPLETE,
  /** The client ended it; its bytes are deleted. */
  TERMINATED,
  /** No byte arrived within the expiration period; its bytes are deleted. */
  EXPIRED,
  /** The pipeline stored it; its bytes on the volume are deleted. */
  STORED,
  /** The pipeline refused it (empty, a forbidden type, a wrong checksum); the index says why. */
  REJECTED,
  /** The pipeline could not store it after every attempt; the index says why. */
  FAILED,
  /** A partial upload a final upload took in; it lives on as part of that one. */
  CONCATENATED;

  /** Whether every byte of the upload arrived (whatever happened to it since). */
  public boolean received() {
    return this != RECEIVING && this != TERMINATED && this != EXPIRED;
  }
}
