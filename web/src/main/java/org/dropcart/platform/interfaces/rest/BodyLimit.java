package org.dropcart.platform.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.dropcart.platform.domain.ByteSize;
import org.eclipse.microprofile.config.Config;

/**
 * Seed 001's message cap: a request body larger than {@code dropcart.http.max-body} (500 MB by
 * default) is refused with 413, either up front from its {@code Content-Length} or, for a chunked
 * body, as soon as the bytes read pass the cap. Upload bytes (tus, {@code
 * application/offset+octet-stream}) are bounded per upload by {@code dropcart.upload.max-size}.
 */
@jakarta.ws.rs.ext.Provider
@PreMatching
@Priority(100)
public class BodyLimit implements ContainerRequestFilter {
  @Inject private Config config;
  @Context private HttpServletRequest request;

  @Override
  public void filter(ContainerRequestContext context) {
    if (context.getMediaType() != null
        && "application".equals(context.getMediaType().getType())
        && "offset+octet-stream".equals(context.getMediaType().getSubtype())) {
      return; // tus bytes: the upload endpoint enforces dropcart.upload.max-size per upload
    }
    long max = ByteSize.parse(config.getValue("dropcart.http.max-body", String.class)).bytes();
    if (context.getLength() > max) {
      context.abortWith(Problem.of(413, "body-too-large", message(max)).response(request).build());
      return;
    }
    if (context.hasEntity()) {
      context.setEntityStream(new Capped(context.getEntityStream(), max));
    }
  }

  static String message(long max) {
    return "The request body exceeds the limit of " + max + " bytes";
  }

  /** Raised by the capped stream; {@link ProblemMapper} finds it however deep it is wrapped. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long max) {
      super(message(max));
    }
  }

  private static final class Capped extends FilterInputStream {
    private final long max;
    private long read;

    Capped(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws TooLarge {
      read += n;
      if (read > max) {
        throw new TooLarge(max);
      }
    }
  }
}
