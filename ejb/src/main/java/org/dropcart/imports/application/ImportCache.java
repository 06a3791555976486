package org.dropcart.imports.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.dropcart.imports.domain.CachedDownload;
import org.dropcart.imports.domain.ImportRefused;
import org.dropcart.imports.domain.RemoteFiles;

/**
 * Downloads by URL (http, https, s3), kept on the volume ({@code imports/cache/}): within {@code
 * dropcart.imports.cache-ttl} of fetching, a URL is served from the copy without asking the
 * server; after that the copy is revalidated (If-None-Match / If-Modified-Since) and a 304 keeps it.
 * A new copy is written beside the old one and moved over it, so a reader never sees half a file.
 */
@ApplicationScoped
public class ImportCache {
  @Inject private ImportLedger ledger;
  @Inject private RemoteFiles remote;
  @Inject private org.dropcart.imports.domain.S3Objects s3;
  @Inject private ImportSettings settings;
  @Inject private ImportPolicy policy;
  @Inject private Clock clock;

  /** A file ready to unpack: where it is, its name, whether it came from the cache, its Last-Modified. */
  public record Local(Path file, String name, long size, boolean cached, String lastModified) {}

  public Local fetch(URI url, Path scratch, RemoteFiles.Progress progress) throws IOException, ImportRefused {
    String hash = sha256(url.toString());
    Path dir = Files.createDirectories(settings.volume().resolve("cache"));
    Path copy = dir.resolve(hash);
    Optional<CachedDownload> held = ledger.cached(hash).filter(c -> Files.isRegularFile(copy));
    Instant now = clock.instant();
    String name = nameOf(url);
    if (held.isPresent() && held.get().freshAt(now, settings.cacheTtl())) {
      return new Local(copy, name, Files.size(copy), true, held.get().lastModified());
    }
    RemoteFiles.Validators validators = held.filter(CachedDownload::revalidatable)
        .map(c -> new RemoteFiles.Validators(c.etag(), c.lastModified())).orElse(null);
    Path incoming = scratch.resolve("download");
    RemoteFiles.Fetched got = "s3".equalsIgnoreCase(url.getScheme())
        ? s3.fetch(url, validators, incoming, progress)
        : remote.fetch(url, validators, incoming, policy::requireHop, progress);
    if (got.notModified()) {
      ledger.confirmCached(hash);
      return new Local(copy, name, Files.size(copy), true, held.get().lastModified());
    }
    Files.move(incoming, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    ledger.recordCached(hash, url, got);
    return new Local(copy, got.fileName() == null ? name : got.fileName(), got.size(), false, got.lastModified());
  }

  private static String nameOf(URI url) {
    String path = url.getPath() == null ? "" : url.getPath();
    String last = path.substring(path.lastIndexOf('/') + 1);
    return last.isEmpty() ? "download" : last;
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
