package org.dropcart.function.interfaces.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Seed 002's routes at the root ({@code /registerRuntime}, {@code /registerFunction/{runtime}/{name}},
 * {@code /invokeFunction}, {@code /runtimes}, {@code /functions}, {@code /calls}, {@code /call/{n}}):
 * forwarded to the same resource under {@code /api/faas/}, so they answer exactly alike (bearer
 * token, problem bodies).
 */
@WebFilter(
    filterName = "faas-seed-routes",
    urlPatterns = {"/registerRuntime", "/registerFunction/*", "/invokeFunction", "/runtimes", "/functions",
      "/calls", "/calls/*", "/call/*"})
public class SeedRoutes extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String query = request.getQueryString();
    request.getRequestDispatcher("/api/faas" + path + (query == null ? "" : "?" + query)).forward(request, response);
  }
}
