package org.dropcart.platform.infrastructure.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Opens an OpenTelemetry span around a piece of work, for components where {@code @WithSpan}
 * cannot be used: on Payara 6 the interceptor breaks the creation of message-driven beans (Weld
 * finds no constructor for its serialisable interceptor). JAX-RS calls are traced by MicroProfile
 * OpenTracing; CDI beans such as batch artifacts use {@code @WithSpan}.
 */
@ApplicationScoped
public class Spans {
  @Inject private Tracer tracer;

  public void run(String name, Runnable work) {
    Span span = tracer.spanBuilder(name).startSpan();
    try (Scope ignored = span.makeCurrent()) {
      work.run();
    } catch (RuntimeException | Error e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR);
      throw e;
    } finally {
      span.end();
    }
  }
}
