package org.dropcart.function.domain;

/** Where a call is: {@code PENDING → RUNNING → DONE | FAILED | TIMEOUT}; the last three are final. */
public enum CallStatus {
  PENDING,
  RUNNING,
  DONE,
  FAILED,
  TIMEOUT;

  public boolean finished() {
    return this == DONE || this == FAILED || this == TIMEOUT;
  }
}
