package org.dropcart.upload.domain;

/** Where an upload is in its life. */
public enum UploadState {
  /** Accepting bytes. */
  RECEIVING,
  /** Every declared byte is on disk. */
  COMPLETE,
  /** The client ended it; its bytes are deleted. */
  TERMINATED,
  /** No byte arrived within the expiration period; its bytes are deleted. */
  EXPIRED
}
