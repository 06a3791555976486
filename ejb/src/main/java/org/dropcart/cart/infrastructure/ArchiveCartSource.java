package org.dropcart.cart.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.dropcart.cart.application.CartFileException;
import org.dropcart.cart.application.CartSettings;
import org.dropcart.cart.application.CartSource;
import org.dropcart.cart.application.CartStaging;
import org.dropcart.cart.domain.CartFile;
import org.dropcart.platform.application.Caller;

/**
 * Files from a Pacifica archive interface ({@code ARCHIVE_INTERFACE_URL}), asked the way cartd asks:
 * {@code POST {url}{id}} to have it staged, {@code HEAD {url}{id}} until {@code
 * X-Pacifica-File-Storage-Media} says {@code disk} (its size in {@code X-Content-Length}), then
 * {@code GET {url}{id}}. A 404 means the archive has no such file; a 5xx or a broken connection is
 * an {@link IOException}, tried again by the staging.
 */
@ApplicationScoped
@Typed(ArchiveCartSource.class)
public class ArchiveCartSource implements CartSource {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NORMAL).build();

  @Inject private CartSettings settings;

  @Override
  public long prepare(CartFile file, Optional<Caller> owner) throws CartFileException, IOException {
    URI uri = uri(file);
    HttpResponse<Void> staged = send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()), file);
    check(staged, file);
    long deadline = System.nanoTime() + settings.archiveTimeout().toNanos();
    while (true) {
      HttpResponse<Void> head = send(HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody()), file);
      check(head, file);
      String media = head.headers().firstValue("X-Pacifica-File-Storage-Media").orElse("disk");
      if (media.trim().toLowerCase(Locale.ROOT).equals("disk")) {
        return size(head, file);
      }
      if (System.nanoTime() > deadline) {
        throw new CartFileException(CartStaging.failed(file, "the archive did not bring it to disk within "
            + settings.archiveTimeout() + " (storage media: " + media + ")"));
      }
      try {
        Thread.sleep(settings.archivePoll().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CartFileException(CartStaging.failed(file, "interrupted"), e);
      }
    }
  }

  @Override
  public InputStream open(CartFile file, Optional<Caller> owner) throws CartFileException, IOException {
    try {
      HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(uri(file)).timeout(Duration.ofMinutes(10)).GET()
          .build(), HttpResponse.BodyHandlers.ofInputStream());
      if (r.statusCode() != 200) {
        r.body().close();
        check(r, file);
        throw new IOException("The archive answered " + r.statusCode() + " to GET");
      }
      return r.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CartFileException(CartStaging.failed(file, "interrupted"), e);
    }
  }

  private URI uri(CartFile file) throws CartFileException {
    String base = settings.archiveUrl().orElseThrow(() -> new IllegalStateException("No archive interface URL"));
    String id = URLEncoder.encode(file.sourceId(), StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    try {
      return URI.create((base.endsWith("/") ? base : base + "/") + id);
    } catch (IllegalArgumentException e) {
      throw new CartFileException(CartStaging.failed(file, "not a valid archive id"));
    }
  }

  private static HttpResponse<Void> send(HttpRequest.Builder request, CartFile file)
      throws IOException, CartFileException {
    try {
      return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CartFileException(CartStaging.failed(file, "interrupted"), e);
    }
  }

  /** A 404 is final for the file; another 4xx too; a 5xx is worth another attempt. */
  private static void check(HttpResponse<?> r, CartFile file) throws IOException, CartFileException {
    int status = r.statusCode();
    if (status == 404) {
      throw new CartFileException(CartStaging.failed(file, "the archive has no such file"));
    }
    if (status >= 500) {
      throw new IOException("the archive answered " + status);
    }
    if (status >= 400) {
      throw new CartFileException(CartStaging.failed(file, "the archive refused it (" + status + ")"));
    }
  }

  private static long size(HttpResponse<?> head, CartFile file) throws CartFileException {
    String length = head.headers().firstValue("X-Content-Length")
        .or(() -> head.headers().firstValue("Content-Length")).orElse(null);
    try {
      return Long.parseLong(length.trim());
    } catch (RuntimeException e) {
      throw new CartFileException(CartStaging.failed(file, "the archive did not say its size (X-Content-Length)"));
    }
  }
}
