package org.dropcart.platform.interfaces.console;

import org.dropcart.platform.domain.DropcartException;
import org.dropcart.platform.interfaces.rest.ProblemMapper;

/** Application refusals as the console's and portal's pages and servlets meet them: wrapped by the container or not. */
public final class Refusals {
  private Refusals() {}

  /** The refusal of the application in {@code e}'s causes (an EJB exception around it), if there is one. */
  public static DropcartException of(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DropcartException d) {
        return d;
      }
    }
    return null;
  }

  /** The HTTP status the API answers for the refusal in {@code e}; {@code e} itself when it is no refusal. */
  public static <E extends RuntimeException> int status(E e) throws E {
    DropcartException refusal = of(e);
    if (refusal == null) {
      throw e;
    }
    return ProblemMapper.problemOf(refusal).status();
  }
}
