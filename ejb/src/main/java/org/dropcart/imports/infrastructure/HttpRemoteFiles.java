package org.dropcart.imports.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.dropcart.imports.application.ImportSettings;
import org.dropcart.imports.domain.ImportRefused;
import org.dropcart.imports.domain.RemoteFiles;
import org.dropcart.platform.domain.Failures;

/**
 * {@link RemoteFiles} on the JDK's HttpClient. Redirects are followed here, not by the client, so
 * that every hop is checked (scheme, address policy, loops) and counted; a body that stalls for
 * the idle timeout is cut; a body shorter than its Content-Length is refused as truncated.
 */
@ApplicationScoped
public class HttpRemoteFiles implements RemoteFiles {
  private static final int BUFFER = 256 * 1024;
  private static final long REPORT_EVERY = 1024 * 1024;
  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "dropcart-import-watchdog");
    t.setDaemon(true);
    return t;
  });

  @Inject private ImportSettings settings;

  @Override
  public Fetched fetch(URI url, Validators held, Path target, HopCheck hops, Progress progress)
      throws IOException, ImportRefused {
    HttpClient client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    Set<URI> seen = new HashSet<>();
    URI hop = url;
    for (int redirects = 0; ; redirects++) {
      hops.check(hop);
      if (!seen.add(hop)) {
        throw new ImportRefused("the server redirects in a loop (back to " + hop + ")");
      }
      HttpRequest.Builder request = HttpRequest.newBuilder(hop).timeout(settings.idleTimeout()).GET()
          .header("User-Agent", "Dropcart import");
      if (held != null && hop.equals(url)) {
        if (held.etag() != null) {
          request.header("If-None-Match", held.etag());
        }
        if (held.lastModified() != null) {
          request.header("If-Modified-Since", held.lastModified());
        }
      }
      HttpResponse<InputStream> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ImportRefused("the download was interrupted");
      } catch (java.net.http.HttpTimeoutException e) {
        throw new ImportRefused("the server did not answer within " + settings.idleTimeout());
      } catch (IOException e) {
        throw new ImportRefused("the server could not be reached: " + Failures.describe(e));
      }
      int status = response.statusCode();
      if (status >= 300 && status < 400 && status != 304) {
        response.body().close();
        String location = response.headers().firstValue("Location").orElseThrow(
            () -> new ImportRefused("the server answered " + status + " without a Location"));
        if (redirects >= settings.maxRedirects()) {
          throw new ImportRefused("more than " + settings.maxRedirects() + " redirects (dropcart.imports.max-redirects)");
        }
        hop = hop.resolve(location);
        continue;
      }
      if (status == 304 && held != null) {
        response.body().close();
        return new Fetched(true, -1, held.etag(), held.lastModified(), null);
      }
      if (status != 200) {
        response.body().close();
        throw new ImportRefused("the server answered HTTP " + status);
      }
      Long length = response.headers().firstValueAsLong("Content-Length").stream().boxed().findFirst().orElse(null);
      if (length != null && length > settings.maxDownload()) {
        response.body().close();
        throw new ImportRefused("the file is " + length + " bytes, more than dropcart.imports.max-download allows");
      }
      long size = copy(response.body(), target, length, progress);
      if (length != null && size != length) {
        throw new ImportRefused("the download is truncated: " + size + " of " + length + " bytes arrived");
      }
      return new Fetched(false, size, response.headers().firstValue("ETag").orElse(null),
          response.headers().firstValue("Last-Modified").orElse(null), fileName(response, hop));
    }
  }

  /** Copies the body to disk, cutting it when nothing arrives for the idle timeout. */
  private long copy(InputStream body, Path target, Long length, Progress progress) throws IOException, ImportRefused {
    AtomicLong lastRead = new AtomicLong(System.nanoTime());
    long idle = settings.idleTimeout().toNanos();
    ScheduledFuture<?> watchdog = WATCHDOG.scheduleWithFixedDelay(() -> {
      if (System.nanoTime() - lastRead.get() > idle) {
        try {
          body.close();
        } catch (IOException ignored) {
          // closing is all we want
        }
      }
    }, 1, 1, TimeUnit.SECONDS);
    long size = 0;
    long reported = 0;
    try (InputStream in = body;
        OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
      byte[] buffer = new byte[BUFFER];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        lastRead.set(System.nanoTime());
        out.write(buffer, 0, n);
        size += n;
        if (size > settings.maxDownload()) {
          throw new ImportRefused("the download goes past dropcart.imports.max-download");
        }
        if (size - reported >= REPORT_EVERY) {
          progress.bytes(size, length);
          reported = size;
        }
      }
    } catch (IOException e) {
      if (System.nanoTime() - lastRead.get() > idle) {
        throw new ImportRefused("the download stalled: nothing arrived for " + settings.idleTimeout());
      }
      if (length != null && size < length) {
        throw new ImportRefused("the download is truncated: " + size + " of " + length + " bytes arrived ("
            + e.getMessage() + ")");
      }
      throw new ImportRefused("the download broke off after " + size + " bytes: " + e.getMessage());
    } finally {
      watchdog.cancel(false);
    }
    progress.bytes(size, length);
    return size;
  }

  /** The name the server gives (Content-Disposition), or the last segment of the URL's path. */
  private static String fileName(HttpResponse<?> response, URI hop) {
    String disposition = response.headers().firstValue("Content-Disposition").orElse("");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("filename=\"?([^\";]+)\"?").matcher(disposition);
    if (m.find()) {
      return m.group(1).trim();
    }
    String path = hop.getRawPath() == null ? "" : hop.getRawPath();
    String last = path.substring(path.lastIndexOf('/') + 1);
    return last.isEmpty() ? "download" : URLDecoder.decode(last, StandardCharsets.UTF_8);
  }
}
