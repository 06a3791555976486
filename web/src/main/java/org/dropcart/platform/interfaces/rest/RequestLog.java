package org.dropcart.platform.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import org.eclipse.microprofile.config.Config;

/**
 * Gives every API request its id (echoed in {@code X-Request-Id}) and writes its one {@link
 * AccessLog} line when the response is ready.
 */
@Provider
@PreMatching
@Priority(1)
public class RequestLog implements ContainerRequestFilter, ContainerResponseFilter {
  private static final String STARTED = "dropcart.startedNanos";

  @Inject private Config config;
  @Inject private org.dropcart.platform.application.PublicAddress publicAddress;
  @Context private HttpServletRequest request;

  @Override
  public void filter(ContainerRequestContext context) {
    context.setProperty(STARTED, System.nanoTime());
    RequestIds.of(request);
    publicAddress.observe(request.getScheme(), request.getLocalAddr(), request.getLocalPort());
  }

  @Override
  public void filter(ContainerRequestContext req, ContainerResponseContext res) {
    String requestId = RequestIds.of(request);
    res.getHeaders().putSingle(RequestIds.HEADER, requestId);
    Object started = req.getProperty(STARTED);
    long millis = started instanceof Long nanos ? (System.nanoTime() - nanos) / 1_000_000 : -1;
    Principal user = req.getSecurityContext() == null ? null : req.getSecurityContext().getUserPrincipal();
    AccessLog.write(
        new AccessLog.Entry(
            req.getMethod(),
            request.getRequestURI(),
            res.getStatus(),
            millis,
            user == null ? null : user.getName(),
            requestId,
            (String) request.getAttribute(Problem.KIND_ATTRIBUTE)),
        config.getOptionalValue("dropcart.log.json", Boolean.class).orElse(false));
  }
}
