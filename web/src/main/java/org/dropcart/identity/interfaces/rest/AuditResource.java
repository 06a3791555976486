package org.dropcart.identity.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.dropcart.identity.application.AuditLog;
import org.dropcart.identity.domain.AuditEvent;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.interfaces.rest.Queries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.opentracing.Traced;

/** The audit log, newest first, filterable by event type and user name. */
@Path("admin/audit")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
@Traced
public class AuditResource {
  @Inject private AuditLog auditLog;

  @GET
  @Operation(summary = "Audit records, newest first, paged")
  public Page<AuditEvent> list(
      @QueryParam("page") String page,
      @QueryParam("size") String size,
      @QueryParam("type") String type,
      @QueryParam("username") String username) {
    return auditLog.page(
        Queries.page(page, size),
        Queries.text(type),
        Queries.text(username));
  }
}
