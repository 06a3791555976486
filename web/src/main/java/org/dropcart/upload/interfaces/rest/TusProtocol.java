package org.dropcart.upload.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Set;
import org.dropcart.platform.interfaces.rest.Problem;

/**
 * tus 1.0.0 around the upload endpoint: {@code X-HTTP-Method-Override} turns a POST into the
 * PATCH, DELETE or HEAD it stands for (clients built on {@code HttpURLConnection}, such as the
 * official Java client, cannot send PATCH); every request but OPTIONS must speak
 * {@code Tus-Resumable: 1.0.0} (412 otherwise); every response says {@code Tus-Resumable}.
 */
@Provider
@PreMatching
@Priority(50)
public class TusProtocol implements ContainerRequestFilter, ContainerResponseFilter {
  static final String VERSION = "1.0.0";
  private static final Set<String> OVERRIDABLE = Set.of(HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.HEAD);

  @Context private HttpServletRequest request;

  private static boolean isUploadPath(ContainerRequestContext context) {
    String path = context.getUriInfo().getPath(false).replaceFirst("^/", "");
    return path.equals("upload") || path.startsWith("upload/");
  }

  @Override
  public void filter(ContainerRequestContext context) {
    if (!isUploadPath(context)) {
      return;
    }
    String override = context.getHeaderString("X-HTTP-Method-Override");
    if (override != null && HttpMethod.POST.equals(context.getMethod())) {
      String method = override.trim().toUpperCase(Locale.ROOT);
      if (OVERRIDABLE.contains(method)) {
        context.setMethod(method);
      }
    }
    if (!HttpMethod.OPTIONS.equals(context.getMethod())
        && !VERSION.equals(context.getHeaderString("Tus-Resumable"))) {
      context.abortWith(Problem.of(412, "tus-version",
              "This endpoint speaks tus " + VERSION + "; send Tus-Resumable: " + VERSION)
          .response(request)
          .header("Tus-Version", VERSION)
          .build());
    }
  }

  @Override
  public void filter(ContainerRequestContext req, ContainerResponseContext res) {
    if (isUploadPath(req)) {
      res.getHeaders().putSingle("Tus-Resumable", VERSION);
    }
  }
}
