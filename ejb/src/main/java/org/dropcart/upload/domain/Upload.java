package org.dropcart.upload.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.dropcart.platform.domain.ConflictException;
import org.dropcart.platform.domain.GoneException;
import org.dropcart.platform.domain.InvalidInputException;
import org.dropcart.platform.domain.TooLargeException;

/**
 * A resumable (tus) upload of one file into a pool by one of its members.
 *
 * <p>The offset is the count of bytes known to be on disk: it advances only after they were
 * written and forced, so a crash can lose at most what was never acknowledged. An upload that
 * receives nothing for the expiration period expires; one the client terminates is gone at once.
 */
@Entity
@Table(name = "uploads")
@jakarta.persistence.NamedQuery(
    name = "Upload.expiredIds",
    query = "SELECT u.id FROM Upload u WHERE u.state = org.dropcart.upload.domain.UploadState.RECEIVING"
        + " AND u.expiresAt <= :now ORDER BY u.expiresAt")
public class Upload {
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

  /** Null while the client defers it (creation-defer-length). */
  @Column(name = "upload_length")
  private Long length;

  @Column(name = "upload_offset", nullable = false)
  private long offset;

  @Column(name = "metadata", length = UploadMetadata.MAX_HEADER)
  private String metadata;

  @Column(name = "file_name", length = 255)
  private String fileName;

  @Column(name = "file_type", length = 255)
  private String fileType;

  @Column(name = "file_timestamp", nullable = false)
  private Instant fileTimestamp;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 16)
  private UploadState state;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Upload() {}

  public Upload(
      String poolId, String ownerId, String clientId, String clientName, Long length,
      UploadMetadata metadata, Instant now, Duration expiration) {
    this.id = UUID.randomUUID().toString().replace("-", "");
    this.poolId = Objects.requireNonNull(poolId);
    this.ownerId = Objects.requireNonNull(ownerId);
    this.clientId = Objects.requireNonNull(clientId);
    this.clientName = Objects.requireNonNull(clientName);
    this.length = length;
    this.metadata = metadata.header();
    this.fileName = metadata.fileName().orElse(null);
    this.fileType = metadata.fileType().orElse(null);
    this.fileTimestamp = metadata.timestamp(now);
    this.state = UploadState.RECEIVING;
    this.createdAt = now;
    this.expiresAt = now.plus(expiration);
  }

  /** Refuses an upload that can no longer take or report bytes. */
  public void requireAlive(Instant now) {
    if (state == UploadState.TERMINATED) {
      throw new GoneException("upload-terminated", "Upload " + id + " was terminated");
    }
    if (state == UploadState.EXPIRED || (state == UploadState.RECEIVING && !expiresAt.isAfter(now))) {
      throw new GoneException("upload-expired", "Upload " + id + " expired at " + expiresAt);
    }
  }

  /**
   * Checks that {@code count} bytes may be appended at {@code at}: the client's offset must be the
   * upload's, and the bytes must fit in the declared length.
   */
  public void requireAppendable(long at, Instant now) {
    requireAlive(now);
    if (state == UploadState.COMPLETE) {
      throw new ConflictException("upload-complete", "Upload " + id + " is already complete");
    }
    if (at != offset) {
      throw new ConflictException("offset-mismatch",
          "Upload-Offset " + at + " does not match the upload's offset " + offset);
    }
  }

  /** How many more bytes the upload may take: up to its length, or {@code max} while deferred. */
  public long remaining(long max) {
    return (length == null ? max : length) - offset;
  }

  public boolean isLengthDeferred() {
    return length == null;
  }

  /** Declares a deferred length, once; it must cover what arrived and stay within {@code max}. */
  public void declareLength(long declared, long max) {
    if (length != null) {
      if (length != declared) {
        throw new InvalidInputException("Upload-Length", "is already " + length + " and cannot change");
      }
      return;
    }
    if (declared < offset || declared > max) {
      throw new InvalidInputException("Upload-Length",
          "must be between the bytes received (" + offset + ") and the limit (" + max + ")");
    }
    length = declared;
    if (offset == declared) {
      state = UploadState.COMPLETE;
    }
  }

  /** Records bytes that are on disk; completes the upload when the last one arrived. */
  public void appended(long from, long count, Instant now, Duration expiration) {
    if (from != offset) {
      throw new ConflictException("offset-mismatch", "Upload " + id + " moved on to " + offset);
    }
    if (length != null && count > length - offset) {
      throw new TooLargeException("beyond-upload-length",
          "The bytes exceed Upload-Length " + length);
    }
    offset += count;
    expiresAt = now.plus(expiration);
    if (length != null && offset == length) {
      state = UploadState.COMPLETE;
    }
  }

  public void terminate() {
    state = UploadState.TERMINATED;
  }

  /** Marks the upload expired if it is still receiving and its time is up; says whether it did. */
  public boolean expireIfDue(Instant now) {
    if (state != UploadState.RECEIVING || expiresAt.isAfter(now)) {
      return false;
    }
    state = UploadState.EXPIRED;
    return true;
  }

  public boolean isOwnedBy(String userId) {
    return ownerId.equals(userId);
  }

  public String id() {
    return id;
  }

  public String poolId() {
    return poolId;
  }

  public String clientId() {
    return clientId;
  }

  public String clientName() {
    return clientName;
  }

  /** The declared length, or null while deferred. */
  public Long length() {
    return length;
  }

  public long offset() {
    return offset;
  }

  public String metadata() {
    return metadata;
  }

  public String fileName() {
    return fileName;
  }

  public String fileType() {
    return fileType;
  }

  public Instant fileTimestamp() {
    return fileTimestamp;
  }

  public UploadState state() {
    return state;
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
