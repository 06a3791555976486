package org.dropcart.file.interfaces.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.dropcart.file.application.FileDownload;
import org.dropcart.file.application.FileView;
import org.dropcart.platform.interfaces.rest.HttpDates;

/**
 * The HTTP answer for a stored file, wherever it is downloaded from (a member's download, a
 * processor's signed link): {@code ETag} (the SHA-256), {@code If-None-Match}, a single {@code
 * Range} (several ranges get the whole file) with {@code If-Range}, 416 when it cannot be
 * satisfied.
 */
public final class Downloads {
  private Downloads() {}

  public static Response respond(FileDownload download, String ifNoneMatch, String range, String ifRange) {
    FileView file = download.file();
    String etag = download.etag();
    if (ifNoneMatch != null && ByteRange.matchesAny(ifNoneMatch, etag)) {
      return Response.notModified().header(HttpHeaders.ETAG, etag).build();
    }
    Response.ResponseBuilder r = ranged(download.content(), file.size(),
        range == null || (ifRange != null && !ifRange.trim().equals(etag)) ? null : range);
    if (r == null) {
      return Response.status(416).header("Content-Range", "bytes */" + file.size()).header(HttpHeaders.ETAG, etag)
          .build();
    }
    return r.type(file.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM : file.contentType())
        .header(HttpHeaders.ETAG, etag)
        .header(HttpHeaders.LAST_MODIFIED, HttpDates.format(file.created()))
        .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
        .header("Content-Disposition", "attachment; filename*=UTF-8''"
            + URLEncoder.encode(file.name(), StandardCharsets.UTF_8).replace("+", "%20"))
        .build();
  }

  /**
   * The content whole (200) or the one range asked for (206 with {@code Content-Range}), with
   * {@code Content-Length} and {@code Accept-Ranges}; null when the range cannot be satisfied (416).
   * A {@code range} of null asks for the whole.
   */
  public static Response.ResponseBuilder ranged(FileDownload.Opener content, long size, String range) {
    ByteRange wanted = range == null ? null : ByteRange.parse(range, size);
    Response.ResponseBuilder r;
    long from = 0;
    long length = size;
    if (wanted == null) {
      r = Response.ok();
    } else if (!wanted.satisfiable()) {
      return null;
    } else {
      from = wanted.first();
      length = wanted.length();
      r = Response.status(206).header("Content-Range", "bytes " + wanted.first() + "-" + wanted.last() + "/" + size);
    }
    long start = from;
    long count = length;
    StreamingOutput body = out -> {
      try (InputStream in = content.from(start)) {
        byte[] buffer = new byte[64 * 1024];
        long left = count;
        while (left > 0) {
          int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
          if (n < 0) {
            throw new java.io.EOFException("The content ended " + left + " bytes early");
          }
          out.write(buffer, 0, n);
          left -= n;
        }
      }
    };
    return r.entity(body).header(HttpHeaders.CONTENT_LENGTH, count).header("Accept-Ranges", "bytes");
  }
}
