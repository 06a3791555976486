package org.dropcart.imports.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.dropcart.imports.domain.Import;
import org.dropcart.imports.domain.ImportRepository;
import org.dropcart.platform.application.Caller;
import org.dropcart.platform.domain.InvalidInputException;
import org.dropcart.platform.domain.NotFoundException;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.domain.PageRequest;
import org.dropcart.pool.application.MemberView;
import org.dropcart.pool.application.PoolService;

/**
 * Imports as their owners see them (start, look, cancel) and the short transactional steps the
 * import worker records its progress with; the worker's own I/O runs between them.
 */
@Stateless
public class ImportLedger {
  @Inject private ImportRepository imports;
  @Inject private ImportPolicy policy;
  @Inject private PoolService pools;
  @Inject private ImportQueue queue;
  @Inject private Clock clock;
  @Inject private org.dropcart.file.application.FileCatalog catalog;

  /** Starts an import into {@code poolId} (the caller must be a member); it runs in the background. */
  public ImportView start(String url, String poolId, Boolean unarchive, Instant timestamp, Caller caller) {
    if (poolId == null || poolId.isBlank()) {
      throw new InvalidInputException("pool", "is required: the id of the pool to import into");
    }
    MemberView member = pools.requireMember(poolId, caller);
    Import i = new Import(policy.requireAllowed(url), member.poolId(), caller.userId(), member.clientId(),
        member.clientName(), Boolean.TRUE.equals(unarchive), timestamp, clock.instant());
    imports.store(i);
    queue.enqueue(i.id());
    return ImportView.of(i);
  }

  public ImportView view(String id, Caller caller) {
    return ImportView.of(own(id, caller));
  }

  /** The files an import stored so far, in archive order. */
  public Page<org.dropcart.file.application.FileView> files(String id, Caller caller, PageRequest page) {
    Import i = own(id, caller);
    java.util.List<org.dropcart.file.application.FileView> items = new java.util.ArrayList<>();
    for (int n = page.offset() + 1; n <= Math.min(i.filesStored(), page.offset() + page.size()); n++) {
      catalog.entry(i.id() + "-" + String.format("%05d", n)).map(org.dropcart.file.application.FileView::of)
          .ifPresent(items::add);
    }
    return Page.of(items, page, i.filesStored());
  }

  public Page<ImportView> mine(Caller caller, PageRequest page) {
    return Page.of(imports.ofOwner(caller.userId(), page.offset(), page.size()).stream().map(ImportView::of).toList(),
        page, imports.countOfOwner(caller.userId()));
  }

  public ImportView cancel(String id, Caller caller) {
    Import i = own(id, caller);
    i.cancel(clock.instant());
    return ImportView.of(i);
  }

  /** The import the worker is to run, unless it already ended (or is gone). */
  public Optional<Import> toRun(String id) {
    return imports.find(id).filter(i -> !i.status().finished());
  }

  /** Records the download starting; false when the import was cancelled meanwhile. */
  public boolean downloading(String id, Long total) {
    return active(id).map(i -> {
      i.downloading(total, clock.instant());
      return true;
    }).orElse(false);
  }

  /** Records bytes so far; false when the import was cancelled meanwhile. */
  public boolean progress(String id, long done, Long total) {
    return active(id).map(i -> {
      i.progress(done, total, clock.instant());
      return true;
    }).orElse(false);
  }

  public boolean unpacking(String id, long downloaded, boolean cached) {
    return active(id).map(i -> {
      i.unpacking(downloaded, cached, clock.instant());
      return true;
    }).orElse(false);
  }

  public void stored(String id, int files) {
    active(id).ifPresent(i -> i.stored(files, clock.instant()));
  }

  public void done(String id, int files) {
    active(id).ifPresent(i -> i.done(files, clock.instant()));
  }

  public void failed(String id, String reason) {
    imports.find(id).ifPresent(i -> i.failed(reason, clock.instant()));
  }

  /** The cache's record of a URL's copy (by the URL's hash). */
  public Optional<org.dropcart.imports.domain.CachedDownload> cached(String hash) {
    return imports.cached(hash);
  }

  /** The server said the cached copy is current. */
  public void confirmCached(String hash) {
    imports.cached(hash).ifPresent(c -> c.confirmed(clock.instant()));
  }

  /** A new copy of {@code url} is in the cache. */
  public void recordCached(String hash, java.net.URI url, org.dropcart.imports.domain.RemoteFiles.Fetched got) {
    org.dropcart.imports.domain.CachedDownload c = imports.cached(hash).orElseGet(() -> {
      org.dropcart.imports.domain.CachedDownload made = new org.dropcart.imports.domain.CachedDownload(hash, url.toString());
      imports.store(made);
      return made;
    });
    c.fetched(got.size(), got.etag(), got.lastModified(), clock.instant());
  }

  private Optional<Import> active(String id) {
    return imports.find(id).filter(i -> !i.status().finished());
  }

  private Import own(String id, Caller caller) {
    return imports.find(id).filter(i -> i.ownerId().equals(caller.userId()) || caller.admin())
        .orElseThrow(() -> new NotFoundException("unknown-import", "No import " + id + " of yours"));
  }

  /** Every import with its owner (admins only); see {@link ImportRepository#listed} for sort and filters. */
  public Page<ImportRow> all(org.dropcart.platform.domain.Listing listing, Caller caller) {
    caller.requireAdmin("list every import");
    return imports.listed(listing).map(i -> new ImportRow(ImportView.of(i), i.clientName()));
  }

  /** True while some import is queued, downloading or unpacking (the console polls then). */
  public boolean anyActive() {
    return imports.countActive() > 0;
  }
}
