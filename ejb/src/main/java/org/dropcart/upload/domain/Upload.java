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
    query = "SELECT u.id FROM Upload u WHERE (u.state = org.dropcart.upload.domain.UploadState.RECEIVING"
        + " OR (u.state = org.dropcart.upload.domain.UploadState.COMPLETE"
        + " AND u.concatRole = org.dropcart.upload.domain.ConcatRole.PARTIAL))"
        + " AND u.expiresAt <= :now ORDER BY u.expiresAt")
@jakarta.persistence.NamedQuery(
    name = "Upload.finalOf",
    query = "SELECT u FROM Upload u WHERE u.concatRole = org.dropcart.upload.domain.ConcatRole.FINAL"
        + " AND u.concatParts LIKE :part")
public class Upload {
  @Id
  @Column(name = "id", length = 32)
  private String id;

  @Column(name = "pool_id", nullable = false, length = 36)
  private String poolId;

  /** The user who uploads; null for a processor's result upload, which belongs to {@link #resultOf}. */
  @Column(name = "owner_id", length = 36)
  private String ownerId;

  /** The group whose result this upload is, when a processor sends it. */
  @Column(name = "result_of", length = 36)
  private String resultOf;

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

  @Enumerated(EnumType.STRING)
  @Column(name = "concat_role", length = 8)
  private ConcatRole concatRole;

  /** A final upload's partial upload ids, in order, separated by spaces. */
  @Column(name = "concat_parts", length = 4000)
  private String concatParts;

  /** Why the pipeline rejected or failed the upload. */
  @Column(name = "outcome", length = 512)
  private String outcome;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Upload() {}

  public Upload(
      String poolId, String ownerId, String clientId, String clientName, Long length,
      UploadMetadata metadata, Instant now, Duration expiration) {
    this(poolId, ownerId, clientId, clientName, length, metadata, now, expiration, null);
  }

  /** An upload that is a partial one of the concatenation extension when {@code partial}. */
  public Upload(
      String poolId, String ownerId, String clientId, String clientName, Long length,
      UploadMetadata metadata, Instant now, Duration expiration, ConcatRole role) {
    this(poolId, Objects.requireNonNull(ownerId), null, clientId, clientName, length, metadata, now, expiration, role);
  }

  private Upload(
      String poolId, String ownerId, String resultOf, String clientId, String clientName, Long length,
      UploadMetadata metadata, Instant now, Duration expiration, ConcatRole role) {
    this.concatRole = role;
    this.id = UUID.randomUUID().toString().replace("-", "");
    this.poolId = Objects.requireNonNull(poolId);
    this.ownerId = ownerId;
    this.resultOf = resultOf;
    this.clientId = Objects.requireNonNull(clientId);
    this.clientName = Objects.requireNonNull(clientName);
    this.length = length;
    this.metadata = metadata.header();
    this.fileName = metadata.fileName().orElse(null);
    this.fileType = metadata.fileType().orElse(null);
    this.fileTimestamp = metadata.timestamp(now);
    // An upload of no bytes has all of them at once.
    this.state = Long.valueOf(0).equals(length) ? UploadState.COMPLETE : UploadState.RECEIVING;
    this.createdAt = now;
    this.expiresAt = now.plus(expiration);
  }

  /**
   * A final upload: the concatenation of {@code parts}, in order, each a complete partial upload of
   * the same owner and pool that no other final upload took in. It is complete at once, with the
   * parts' lengths summed; the parts become {@link UploadState#CONCATENATED}.
   */
  public static Upload concatenationOf(
      java.util.List<Upload> parts, String ownerId, UploadMetadata metadata, long maxSize, Instant now,
      Duration expiration) {
    if (parts.isEmpty()) {
      throw new InvalidInputException("Upload-Concat", "a final upload names one or more partial uploads");
    }
    long total = 0;
    Upload first = parts.get(0);
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Upload part : parts) {
      if (!seen.add(part.id)) {
        throw new InvalidInputException("Upload-Concat", "names partial upload " + part.id + " twice");
      }
      if (part.concatRole != ConcatRole.PARTIAL) {
        throw new ConflictException("not-a-partial-upload", "Upload " + part.id + " is not a partial upload");
      }
      if (!part.isOwnedBy(ownerId) || !part.poolId.equals(first.poolId)) {
        throw new ConflictException("foreign-partial-upload",
            "Partial upload " + part.id + " is not yours or belongs to another pool");
      }
      part.requireAlive(now);
      if (part.state == UploadState.CONCATENATED) {
        throw new ConflictException("partial-upload-used", "Partial upload " + part.id
            + " is already part of another final upload");
      }
      if (part.state != UploadState.COMPLETE) {
        throw new ConflictException("partial-upload-incomplete", "Partial upload " + part.id
            + " has " + part.offset + " of " + (part.length == null ? "?" : part.length) + " bytes");
      }
      total += part.length;
    }
    if (total > maxSize) {
      throw new TooLargeException("upload-too-large",
          "The concatenation has " + total + " bytes, over the limit of " + maxSize);
    }
    Upload concatenation = new Upload(first.poolId, ownerId, first.clientId, first.clientName, total,
        metadata, now, expiration, ConcatRole.FINAL);
    concatenation.offset = total;
    concatenation.state = UploadState.COMPLETE;
    concatenation.concatParts = String.join(" ", parts.stream().map(Upload::id).toList());
    parts.forEach(p -> p.state = UploadState.CONCATENATED);
    return concatenation;
  }

  /** Refuses an upload that can no longer take or report bytes. */
  public void requireAlive(Instant now) {
    if (state == UploadState.TERMINATED) {
      throw new GoneException("upload-terminated", "Upload " + id + " was terminated");
    }
    if (state == UploadState.EXPIRED || (expires() && !expiresAt.isAfter(now))) {
      throw new GoneException("upload-expired", "Upload " + id + " expired at " + expiresAt);
    }
  }

  /**
   * Checks that {@code count} bytes may be appended at {@code at}: the client's offset must be the
   * upload's, and the bytes must fit in the declared length.
   */
  public void requireAppendable(long at, Instant now) {
    requireAlive(now);
    if (concatRole == ConcatRole.FINAL) {
      throw new org.dropcart.platform.domain.ForbiddenException("final-upload",
          "Upload " + id + " is a final upload; it takes no bytes");
    }
    if (state.received()) {
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

  /** Ends the upload at its client's request; one whose bytes all arrived can no longer be ended. */
  public void terminate() {
    if (state.received()) {
      throw new ConflictException("upload-complete", "Upload " + id + " is complete; it can no longer be terminated");
    }
    state = UploadState.TERMINATED;
  }

  /** Whether the store pipeline should take this upload: complete, and not a partial upload. */
  public boolean awaitsStore() {
    return state == UploadState.COMPLETE && concatRole != ConcatRole.PARTIAL;
  }

  /** The store pipeline's outcome; the first one recorded stands. */
  public void stored() {
    settle(UploadState.STORED, null);
  }

  public void rejected(String reason) {
    settle(UploadState.REJECTED, reason);
  }

  public void failed(String reason) {
    settle(UploadState.FAILED, reason);
  }

  private void settle(UploadState outcomeState, String reason) {
    if (state != UploadState.COMPLETE) {
      return;
    }
    state = outcomeState;
    outcome = reason == null ? null : reason.substring(0, Math.min(reason.length(), 512));
  }

  /**
   * Whether the upload can still expire: while it receives bytes, and, for a complete partial
   * upload, until a final upload takes it in.
   */
  public boolean expires() {
    return state == UploadState.RECEIVING
        || (state == UploadState.COMPLETE && concatRole == ConcatRole.PARTIAL);
  }

  /** Marks the upload expired if it is still receiving and its time is up; says whether it did. */
  public boolean expireIfDue(Instant now) {
    if (!expires() || expiresAt.isAfter(now)) {
      return false;
    }
    state = UploadState.EXPIRED;
    return true;
  }

  /** Whether {@code callerId} (a user's id, or a group's for its processor) may work on this upload. */
  public boolean isOwnedBy(String callerId) {
    return ownerId != null ? ownerId.equals(callerId) : resultOf.equals(callerId);
  }

  /**
   * A processor's result for group {@code groupId}, sent into the group's pool: it belongs to the
   * group, and to no user.
   */
  public static Upload resultOf(String groupId, String poolId, String processor, Long length, UploadMetadata metadata,
      Instant now, Duration expiration) {
    return new Upload(poolId, null, Objects.requireNonNull(groupId), processor, processor, length, metadata, now,
        expiration, null);
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

  /** Null for a plain upload. */
  public ConcatRole concatRole() {
    return concatRole;
  }

  /** A final upload's partial upload ids, in order; empty for any other upload. */
  public java.util.List<String> concatParts() {
    return concatParts == null || concatParts.isBlank() ? java.util.List.of() : java.util.List.of(concatParts.split(" "));
  }

  public String outcome() {
    return outcome;
  }

  public String ownerId() {
    return ownerId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
