package org.dropcart.platform.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.Properties;
import org.dropcart.platform.application.BatchJobs;
import org.dropcart.platform.application.JobView;
import org.dropcart.platform.domain.InvalidInputException;
import org.dropcart.platform.infrastructure.batch.JobScheduler;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.opentracing.Traced;

/** Admins see every batch job, scheduled or not, with its latest runs, and start one on demand. */
@Path("admin/jobs")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
@Traced
public class JobsResource {
  private static final int MAX_EXECUTIONS = 50;
  private static final java.util.regex.Pattern JOB_PARAMETER = java.util.regex.Pattern.compile("[a-zA-Z][a-zA-Z0-9-]{0,31}");

  @Inject private BatchJobs jobs;
  @Inject private JobScheduler scheduler;

  @GET
  @Operation(summary = "Every known batch job with its schedule, next run and latest executions")
  public List<JobView> list(@QueryParam("executions") String executions) {
    return jobs.list(executionCount(executions), scheduler.nextRuns());
  }

  @GET
  @Path("{name}")
  @Operation(summary = "One batch job with its latest executions")
  public JobView one(@PathParam("name") String name, @QueryParam("executions") String executions) {
    jobs.definition(name);
    return jobs.list(executionCount(executions), scheduler.nextRuns()).stream()
        .filter(j -> j.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @POST
  @Path("{name}")
  @Operation(summary = "Start a batch job now; query parameters become job parameters (e.g. chunk=500 for"
      + " timestamp-grouping); 409 while a run of it is still going")
  public Response start(@PathParam("name") String name, @Context UriInfo uri) {
    Properties parameters = new Properties();
    uri.getQueryParameters().forEach((key, values) -> {
      if (!JOB_PARAMETER.matcher(key).matches() || values.size() != 1 || values.get(0).length() > 256) {
        throw new InvalidInputException(key, "a job parameter is one value of at most 256 characters, named"
            + " with letters, digits and dashes");
      }
      parameters.setProperty(key, values.get(0));
    });
    long executionId = jobs.start(name, parameters);
    return Response.accepted(new Started(name, executionId))
        .location(uri.getAbsolutePath())
        .build();
  }

  /** The reply to a start request. */
  public record Started(String job, long executionId) {}

  private static int executionCount(String value) {
    Integer n = Queries.integer("executions", value);
    if (n == null) {
      return 5;
    }
    if (n < 1 || n > MAX_EXECUTIONS) {
      throw new InvalidInputException("executions", "must be between 1 and " + MAX_EXECUTIONS);
    }
    return n;
  }
}
