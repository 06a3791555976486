package org.dropcart.imports.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.file.application.NewFile;
import org.dropcart.imports.domain.EntryPath;
import org.dropcart.imports.domain.GitRepositories;
import org.dropcart.imports.domain.Import;
import org.dropcart.imports.domain.ImportRefused;
import org.dropcart.imports.domain.Unpacker;
import org.dropcart.upload.application.StorePipeline;

/**
 * Runs one import, outside any transaction (a download may take minutes): fetch (through the
 * cache) or read the file, check the whole archive against the rules before keeping anything,
 * then store each file as a file of the pool through the store pipeline (validated, indexed,
 * grouped like an uploaded one), with the entry's mtime as its timestamp unless the import gave one.
 * A run after a crash starts over; the files it already stored keep their names and are taken as
 * they are.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Importer {
  private static final Logger LOG = Logger.getLogger(Importer.class.getName());
  private static final int PROGRESS_EVERY = 50;

  @Inject private ImportLedger ledger;
  @Inject private ImportCache cache;
  @Inject private ImportPolicy policy;
  @Inject private ImportSettings settings;
  @Inject private Unpacker unpacker;
  @Inject private GitRepositories git;
  @Inject private StorePipeline pipeline;
  @Inject private Clock clock;

  public void run(String importId) {
    Optional<Import> found = ledger.toRun(importId);
    if (found.isEmpty()) {
      return;
    }
    Import i = found.get();
    Path scratch = settings.volume().resolve("work").resolve(importId);
    try {
      Files.createDirectories(scratch);
      if (ImportPolicy.isGit(i.url())) {
        importTree(i, scratch);
        return;
      }
      ImportCache.Local local = local(i, scratch);
      if (local == null || !ledger.unpacking(importId, local.size(), local.cached())) {
        return; // cancelled
      }
      Instant fallback = i.timestamp() != null ? i.timestamp()
          : lastModified(local.lastModified()).orElse(clock.instant());
      int stored;
      if (i.unarchive()) {
        Unpacker.Contents checked = unpacker.unpack(local.file(), local.name(), settings.limits(), scratch, null);
        LOG.log(Level.FINE, "Import {0}: {1} with {2} files, {3} bytes, checked",
            new Object[] {importId, checked.format(), checked.files(), checked.bytes()});
        if (ledger.toRun(importId).isEmpty()) {
          return;
        }
        int[] n = {0};
        unpacker.unpack(local.file(), local.name(), settings.limits(), scratch, e -> {
          n[0]++;
          store(i, n[0], e, e.modified() == null || i.timestamp() != null ? fallback : e.modified());
          if (n[0] % PROGRESS_EVERY == 0) {
            ledger.stored(importId, n[0]);
          }
        });
        stored = n[0];
      } else {
        try (InputStream in = Files.newInputStream(local.file())) {
          store(i, 1, new Unpacker.Entry(EntryPath.of(EntryPath.baseName(local.name())), local.size(), null, in),
              fallback);
        }
        stored = 1;
      }
      ledger.done(importId, stored);
      LOG.log(Level.INFO, "Import {0} of {1}: {2} file(s) stored", new Object[] {importId, i.url(), stored});
    } catch (ImportRefused e) {
      LOG.log(Level.INFO, "Import {0} of {1} failed: {2}", new Object[] {importId, i.url(), e.getMessage()});
      ledger.failed(importId, e.getMessage());
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Import " + importId + " of " + i.url() + " failed", e);
      ledger.failed(importId, "the import failed: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } finally {
      deleteQuietly(scratch);
    }
  }

  /** A git repository: cloned, its tree at the ref checked whole, then each file stored. */
  private void importTree(Import i, Path scratch) throws IOException, ImportRefused {
    String id = i.id();
    if (!ledger.downloading(id, null)) {
      return;
    }
    URI repository = ImportPolicy.gitRepository(i.url());
    if ("file".equals(repository.getScheme())) {
      try {
        repository = policy.fileRoot(repository, true).toUri();
      } catch (RuntimeException refused) {
        throw new ImportRefused(refused.getMessage());
      }
    } else {
      policy.requireAddress(repository);
    }
    Path clone = scratch.resolve("repository.git");
    git.cloneInto(repository, clone, () -> {
      if (ledger.toRun(id).isEmpty()) {
        throw new ImportRefused("cancelled");
      }
    });
    if (!ledger.unpacking(id, 0, false)) {
      return;
    }
    String ref = ImportPolicy.gitRef(i.url());
    Unpacker.Contents checked = git.walk(clone, ref, settings.limits(), null);
    LOG.log(Level.FINE, "Import {0}: {1}, {2} files, checked", new Object[] {id, checked.format(), checked.files()});
    if (ledger.toRun(id).isEmpty()) {
      return;
    }
    int[] n = {0};
    git.walk(clone, ref, settings.limits(), e -> {
      n[0]++;
      store(i, n[0], e, i.timestamp() != null ? i.timestamp() : e.modified());
      if (n[0] % PROGRESS_EVERY == 0) {
        ledger.stored(id, n[0]);
      }
    });
    ledger.done(id, n[0]);
    LOG.log(Level.INFO, "Import {0} of {1} ({2}): {3} file(s) stored",
        new Object[] {id, i.url(), checked.format(), n[0]});
  }

  /** The bytes to import, on this node's disk; null when the import was cancelled meanwhile. */
  private ImportCache.Local local(Import i, Path scratch) throws IOException, ImportRefused {
    if ("file".equalsIgnoreCase(i.url().getScheme())) {
      Path file;
      try {
        file = policy.filePath(i.url());
      } catch (RuntimeException refused) {
        throw new ImportRefused(refused.getMessage());
      }
      String modified = DateTimeFormatter.RFC_1123_DATE_TIME.format(
          Files.getLastModifiedTime(file).toInstant().atZone(java.time.ZoneOffset.UTC));
      return new ImportCache.Local(file, file.getFileName().toString(), Files.size(file), false, modified);
    }
    if (!ledger.downloading(i.id(), null)) {
      return null;
    }
    return cache.fetch(i.url(), scratch, (done, total) -> {
      if (!ledger.progress(i.id(), done, total)) {
        throw new ImportRefused("cancelled");
      }
    });
  }

  private void store(Import i, int n, Unpacker.Entry e, Instant timestamp) throws IOException {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("filename", EntryPath.baseName(e.path()));
    meta.put("path", e.path());
    meta.put("importId", i.id());
    meta.put("source", i.url().toString());
    String fileName = i.id() + "-" + String.format("%05d", n);
    pipeline.storeOne(new NewFile(fileName, i.id(), i.poolId(), i.clientId(), i.clientName(), i.ownerId(), meta,
        timestamp, null), e.size(), e.content());
  }

  private static Optional<Instant> lastModified(String header) {
    if (header == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.log(Level.FINE, "Could not clean {0}: {1}", new Object[] {dir, e.getMessage()});
    }
  }
}
