package org.dropcart.file.interfaces.console;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.dropcart.file.application.FileCatalog;
import org.dropcart.file.application.FileDownload;
import org.dropcart.identity.interfaces.console.WebSession;
import org.dropcart.platform.domain.DropcartException;
import org.dropcart.platform.domain.NotFoundException;

/**
 * A stored file for an admin in the console: {@code /console/file?name=…}. The API's download
 * route takes bearer tokens only, so the console sends files itself, under the console's own
 * session and admin constraint, through the same catalog call (and its access check).
 */
@WebServlet(name = "console-file-download", urlPatterns = "/console/file")
public class ConsoleFileDownload extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject private FileCatalog files;
  @Inject private WebSession session;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String name = request.getParameter("name");
    FileDownload download;
    try {
      if (name == null || name.isBlank()) {
        throw new NotFoundException("unknown-file", "Which file? (?name=)");
      }
      download = files.download(name, session.caller());
    } catch (DropcartException e) {
      response.sendError(e instanceof NotFoundException ? 404 : 403, e.getMessage());
      return;
    }
    String shown = download.file().name() == null ? download.file().fileName() : download.file().name();
    response.setContentType(download.file().contentType() == null
        ? "application/octet-stream" : download.file().contentType());
    response.setContentLengthLong(download.file().size());
    response.setHeader("Content-Disposition",
        "attachment; filename*=UTF-8''" + URLEncoder.encode(shown, StandardCharsets.UTF_8).replace("+", "%20"));
    response.setHeader("Cache-Control", "private, no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    try (InputStream in = download.content().from(0); OutputStream out = response.getOutputStream()) {
      in.transferTo(out);
    }
  }
}
