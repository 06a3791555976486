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
import org.dropcart.platform.interfaces.console.Refusals;

/**
 * Downloads for the portal's pages, authorised by the browser session instead of a bearer token:
 * {@code /portal/files/{fileName}}. The same rule as the API's download decides ({@link
 * FileCatalog#download}: members of the file's pool and admins); anyone else gets 403, an unknown
 * file 404, both as the error page.
 */
@WebServlet(name = "portal-downloads", urlPatterns = "/portal/files/*")
public class PortalDownloads extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject private transient FileCatalog files;
  @Inject private transient WebSession session;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getPathInfo();
    if (path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    FileDownload download;
    try {
      download = files.download(path.substring(1), session.caller());
    } catch (RuntimeException e) {
      response.sendError(Refusals.status(e));
      return;
    }
    if (download.etag().equals(request.getHeader("If-None-Match"))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setContentType(download.file().contentType() == null
        ? "application/octet-stream" : download.file().contentType());
    response.setContentLengthLong(download.file().size());
    response.setHeader("ETag", download.etag());
    response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
        + URLEncoder.encode(download.file().name(), StandardCharsets.UTF_8).replace("+", "%20"));
    try (InputStream in = download.content().from(0); OutputStream out = response.getOutputStream()) {
      in.transferTo(out);
    }
  }
}
