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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.file.application.NewFile;
import org.dropcart.file.domain.StoredFile;
import org.dropcart.imports.domain.EntryPath;
import org.dropcart.imports.domain.GitRepositories;
import org.dropcart.imports.domain.Import;
import org.dropcart.imports.domain.ImportRefused;
import org.dropcart.imports.domain.Unpacker;
import org.dropcart.platform.domain.Failures;
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
  private static final int SETTLE_EVERY = 200;
  private static final long SETTLE_MILLIS = 2000;

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
        Settling settling = new Settling(importId);
        try {
          unpacker.unpack(local.file(), local.name(), settings.limits(), scratch, e -> settling.add(
              store(i, settling.count() + 1, e, e.modified() == null || i.timestamp() != null ? fallback : e.modified())));
        } finally {
          settling.settle();
        }
        stored = settling.count();
      } else {
        try (InputStream in = Files.newInputStream(local.file())) {
          storeAndSettle(i, 1, new Unpacker.Entry(EntryPath.of(EntryPath.baseName(local.name())), local.size(), null, in),
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
      ledger.failed(importId, "the import failed: " + Failures.describe(e));
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
    Settling settling = new Settling(id);
    try {
      git.walk(clone, ref, settings.limits(),
          e -> settling.add(store(i, settling.count() + 1, e, i.timestamp() != null ? i.timestamp() : e.modified())));
    } finally {
      settling.settle();
    }
    ledger.done(id, settling.count());
    LOG.log(Level.INFO, "Import {0} of {1} ({2}): {3} file(s) stored",
        new Object[] {id, i.url(), checked.format(), settling.count()});
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
      if (!advisory(() -> ledger.progress(i.id(), done, total))) {
        throw new ImportRefused("cancelled");
      }
    });
  }

  /**
   * Runs a progress update, which only informs: one that loses a race on the import's version
   * (seen now and then during long downloads, see the closing note of issue 7) is skipped rather
   * than failing the import, and the next report carries the figure. Returns what the update
   * returned, true when it was skipped (a cancellation is seen by the next one).
   */
  private static boolean advisory(java.util.function.BooleanSupplier update) {
    try {
      return update.getAsBoolean();
    } catch (jakarta.ejb.EJBException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof jakarta.persistence.OptimisticLockException) {
          LOG.log(Level.FINE, "Import progress update skipped: {0}", t.getMessage());
          return true;
        }
      }
      throw e;
    }
  }

  /** Stores an entry without settling it (see {@link Settling}). */
  private StoredFile store(Import i, int n, Unpacker.Entry e, Instant timestamp) throws IOException {
    return pipeline.storeUnsettled(newFile(i, n, e, timestamp), e.size(), e.content());
  }

  private void storeAndSettle(Import i, int n, Unpacker.Entry e, Instant timestamp) throws IOException {
    pipeline.storeOne(newFile(i, n, e, timestamp), e.size(), e.content());
  }

  private static NewFile newFile(Import i, int n, Unpacker.Entry e, Instant timestamp) {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("filename", EntryPath.baseName(e.path()));
    meta.put("path", e.path());
    meta.put("importId", i.id());
    meta.put("source", i.url().toString());
    String fileName = i.id() + "-" + String.format("%05d", n);
    return new NewFile(fileName, i.id(), i.poolId(), i.clientId(), i.clientName(), i.ownerId(), meta, timestamp, null);
  }

  /**
   * The files of one import stored but not yet settled: every {@value #SETTLE_EVERY} files (or
   * {@value #SETTLE_MILLIS} ms) they are made durable, enlisted and announced together, in one
   * transaction instead of one each, and the import's progress moves on. Settling per file cost
   * ~100 ms per file (a two-phase commit of the database and the broker, each forcing its log).
   */
  private final class Settling {
    private final String importId;
    private final List<StoredFile> pending = new ArrayList<>();
    private int count;
    private long since = System.nanoTime();

    Settling(String importId) {
      this.importId = importId;
    }

    void add(StoredFile f) {
      pending.add(f);
      count++;
      if (pending.size() >= SETTLE_EVERY || System.nanoTime() - since > SETTLE_MILLIS * 1_000_000L) {
        settle();
      }
    }

    int count() {
      return count;
    }

    void settle() {
      if (!pending.isEmpty()) {
        pipeline.settle(List.copyOf(pending));
        pending.clear();
        advisory(() -> {
          ledger.stored(importId, count);
          return true;
        });
      }
      since = System.nanoTime();
    }
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
