package org.dropcart.imports.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.dropcart.platform.domain.ConflictException;

/**
 * One import: a URL fetched in the background into a pool, unpacked when asked, each file stored
 * as a file of the pool by the member who asked. Its status only moves forward.
 */
@Entity
@Table(name = "imports")
@NamedQuery(name = "Import.ofOwner",
    query = "SELECT i FROM Import i WHERE i.ownerId = :owner ORDER BY i.createdAt DESC")
@NamedQuery(name = "Import.countOfOwner", query = "SELECT COUNT(i) FROM Import i WHERE i.ownerId = :owner")
public class Import {
  private static final int MAX_REASON = 1024;

  @Id
  @Column(name = "id", length = 32)
  private String id;

  @Column(name = "pool_id", nullable = false, length = 36)
  private String poolId;

  @Column(name = "owner_id", nullable = false, length = 36)
  private String ownerId;

  @Column(name = "client_id", nullable = false, length = 36)
  private String clientId;

  @Column(name = "client_name", nullable = false, length = 64)
  private String clientName;

  @Column(name = "url", nullable = false, length = 2048)
  private String url;

  @Column(name = "unarchive", nullable = false)
  private boolean unarchive;

  /** The timestamp every file gets; null: each entry's mtime (or the download's Last-Modified). */
  @Column(name = "file_ts")
  private Instant timestamp;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 12)
  private ImportStatus status;

  @Column(name = "bytes_done", nullable = false)
  private long bytesDone;

  @Column(name = "bytes_total")
  private Long bytesTotal;

  @Column(name = "from_cache", nullable = false)
  private boolean fromCache;

  @Column(name = "files_stored", nullable = false)
  private int filesStored;

  @Column(name = "reason", length = MAX_REASON)
  private String reason;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Import() {}

  public Import(URI url, String poolId, String ownerId, String clientId, String clientName, boolean unarchive,
      Instant timestamp, Instant now) {
    this.id = UUID.randomUUID().toString().replace("-", "");
    this.url = url.toString();
    this.poolId = Objects.requireNonNull(poolId);
    this.ownerId = Objects.requireNonNull(ownerId);
    this.clientId = Objects.requireNonNull(clientId);
    this.clientName = Objects.requireNonNull(clientName);
    this.unarchive = unarchive;
    this.timestamp = timestamp;
    this.status = ImportStatus.QUEUED;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** The download starts (again, after a crash): what was counted before starts over. */
  public void downloading(Long total, Instant now) {
    requireActive();
    status = ImportStatus.DOWNLOADING;
    bytesDone = 0;
    bytesTotal = total;
    updatedAt = now;
  }

  public void progress(long done, Long total, Instant now) {
    bytesDone = done;
    if (total != null) {
      bytesTotal = total;
    }
    updatedAt = now;
  }

  public void unpacking(long downloaded, boolean cached, Instant now) {
    requireActive();
    status = ImportStatus.UNPACKING;
    bytesDone = downloaded;
    bytesTotal = downloaded;
    fromCache = cached;
    updatedAt = now;
  }

  public void stored(int files, Instant now) {
    filesStored = files;
    updatedAt = now;
  }

  public void done(int files, Instant now) {
    requireActive();
    status = ImportStatus.DONE;
    filesStored = files;
    updatedAt = now;
  }

  public void failed(String why, Instant now) {
    if (status.finished()) {
      return;
    }
    status = ImportStatus.FAILED;
    reason = why == null || why.length() <= MAX_REASON ? why : why.substring(0, MAX_REASON - 3) + "...";
    updatedAt = now;
  }

  /**
   * Stops the import: 409 {@code import-finished} once it ended, 409 {@code import-storing} once its
   * files are being stored (they would be half there).
   */
  public void cancel(Instant now) {
    if (status.finished()) {
      throw new ConflictException("import-finished", "Import " + id + " already ended: " + status.wireName());
    }
    if (status == ImportStatus.UNPACKING && filesStored > 0) {
      throw new ConflictException("import-storing", "Import " + id + " is storing its files; it can no longer be cancelled");
    }
    status = ImportStatus.CANCELLED;
    reason = "cancelled by its owner";
    updatedAt = now;
  }

  private void requireActive() {
    if (status.finished()) {
      throw new IllegalStateException("Import " + id + " already ended: " + status);
    }
  }

  public String id() {
    return id;
  }

  public String poolId() {
    return poolId;
  }

  public String ownerId() {
    return ownerId;
  }

  public String clientId() {
    return clientId;
  }

  public String clientName() {
    return clientName;
  }

  public URI url() {
    return URI.create(url);
  }

  public boolean unarchive() {
    return unarchive;
  }

  public Instant timestamp() {
    return timestamp;
  }

  public ImportStatus status() {
    return status;
  }

  public long bytesDone() {
    return bytesDone;
  }

  public Long bytesTotal() {
    return bytesTotal;
  }

  public boolean fromCache() {
    return fromCache;
  }

  public int filesStored() {
    return filesStored;
  }

  public String reason() {
    return reason;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
