package org.dropcart.platform.domain;

/**
 * Which slice of a long list to return: page numbers start at 0, and a page holds 1 to
 * {@value #MAX_SIZE} items.
 */
public record PageRequest(int page, int size) {
  public static final int MAX_SIZE = 500;
  public static final int DEFAULT_SIZE = 50;

  public PageRequest {
    if (page < 0) {
      throw new InvalidInputException("page", "must be 0 or more");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
    }
    if ((long) page * size > Integer.MAX_VALUE) {
      throw new InvalidInputException("page", "is beyond the last possible page");
    }
  }

  /** Builds a request from optional query values, with defaults for the missing ones. */
  public static PageRequest of(Integer page, Integer size) {
    return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
  }

  public int offset() {
    return Math.multiplyExact(page, size);
  }
}
