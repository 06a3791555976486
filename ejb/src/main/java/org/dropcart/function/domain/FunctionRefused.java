package org.dropcart.function.domain;

import org.dropcart.platform.domain.DropcartException;

/**
 * A request the function context refuses for a reason in the request itself (400): a runtime that
 * does not exist, an archive that is no zip or tar.gz, escapes its directory or breaks a limit.
 */
public class FunctionRefused extends DropcartException {
  private static final long serialVersionUID = 1L;

  public FunctionRefused(String kind, String message) {
    super(kind, message);
  }
}
