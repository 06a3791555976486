package org.dropcart.upload.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import org.dropcart.platform.application.Caller;
import org.dropcart.platform.domain.NotFoundException;
import org.dropcart.pool.application.MemberView;
import org.dropcart.pool.application.PoolService;
import java.util.ArrayList;
import java.util.List;
import org.dropcart.platform.application.Notifier;
import org.dropcart.platform.domain.ConflictException;
import org.dropcart.platform.domain.InvalidInputException;
import org.dropcart.group.application.Results;
import org.dropcart.upload.domain.ConcatRole;
import org.dropcart.upload.domain.Upload;
import org.dropcart.upload.domain.UploadMetadata;
import org.dropcart.upload.domain.UploadRepository;
import org.dropcart.upload.domain.UploadState;

/**
 * The transactional steps of an upload's life, each short: nothing here waits for a client's
 * bytes. {@link Uploads} runs the I/O between them.
 */
@Stateless
public class UploadLedger {
  @Inject private UploadRepository uploads;
  @Inject private PoolService pools;
  @Inject private UploadSettings settings;
  @Inject private Clock clock;
  @Inject private StoreQueue storeQueue;
  @Inject private Notifier notifier;
  @Inject private Results results;

  /**
   * Opens an upload; a partial one (concatenation) when {@code role} says so. A result upload (its
   * metadata names a {@code group}) is the group's processor's, into the group's pool.
   */
  public UploadView open(Long length, UploadMetadata metadata, ConcatRole role, Caller caller) {
    Upload upload;
    if (metadata.resultOf().isPresent()) {
      String groupId = metadata.resultOf().get();
      String poolId = results.requireResultUpload(groupId, caller);
      if (role != null) {
        throw new InvalidInputException("Upload-Concat", "a result upload is one upload, not part of a concatenation");
      }
      if (metadata.values().containsKey("pool") && !metadata.values().get("pool").equals(poolId)) {
        throw new InvalidInputException("Upload-Metadata.pool", "is not the pool of group " + groupId);
      }
      upload = Upload.resultOf(groupId, poolId, Results.PROCESSOR, length, metadata, clock.instant(),
          settings.expiration());
    } else {
      MemberView member = pools.requireMember(metadata.pool(), caller);
      upload = new Upload(member.poolId(), caller.userId(), member.clientId(), member.clientName(),
          length, metadata, clock.instant(), settings.expiration(), role);
    }
    uploads.store(upload);
    completed(upload);
    return UploadView.of(upload);
  }

  /**
   * Opens a final upload: the concatenation of the caller's complete partial uploads, in order. It
   * is complete at once and goes to the store pipeline.
   */
  public UploadView concatenate(List<String> partIds, UploadMetadata metadata, Caller caller) {
    if (metadata.resultOf().isPresent()) {
      throw new InvalidInputException("Upload-Concat", "a result upload is one upload, not a concatenation");
    }
    MemberView member = pools.requireMember(metadata.pool(), caller);
    List<Upload> parts = new ArrayList<>();
    for (String id : partIds) {
      parts.add(own(id, caller));
    }
    if (!parts.isEmpty() && !parts.get(0).poolId().equals(member.poolId())) {
      throw new ConflictException("foreign-partial-upload",
          "The partial uploads belong to another pool than the final upload's");
    }
    Upload upload = Upload.concatenationOf(parts, caller.userId(), metadata, settings.maxSize(), clock.instant(),
        settings.expiration());
    uploads.store(upload);
    completed(upload);
    return UploadView.of(upload);
  }

  /** Hands an upload that just received its last byte to the store pipeline, and says so. */
  private void completed(Upload upload) {
    if (upload.awaitsStore()) {
      storeQueue.enqueue(upload.id());
      notifier.publish(UploadNotices.cached(upload));
    }
  }

  /** The caller's own upload, alive; anyone else's is "not found". */
  public UploadView status(String id, Caller caller) {
    Upload upload = own(id, caller);
    upload.requireAlive(clock.instant());
    return UploadView.of(upload);
  }

  public UploadView requireComplete(String id, Caller caller) {
    Upload upload = own(id, caller);
    upload.requireAlive(clock.instant());
    if (!upload.state().received()) {
      throw new ConflictException("upload-incomplete", "Upload " + id + " has " + upload.offset() + " of "
          + (upload.length() == null ? "an undeclared number of" : upload.length()) + " bytes");
    }
    return UploadView.of(upload);
  }

  /** Checks an append may start at {@code offset}, declaring a deferred length if one is given. */
  public UploadView requireAppendable(String id, long offset, Long declaredLength, Caller caller) {
    Upload upload = own(id, caller);
    upload.requireAppendable(offset, clock.instant());
    if (declaredLength != null) {
      boolean before = upload.awaitsStore();
      upload.declareLength(declaredLength, settings.maxSize());
      if (!before) {
        completed(upload);
      }
    }
    return UploadView.of(upload);
  }

  public UploadView appended(String id, long from, long count) {
    Upload upload = uploads.find(id).orElseThrow(() -> unknown(id));
    boolean before = upload.awaitsStore();
    upload.appended(from, count, clock.instant(), settings.expiration());
    if (!before) {
      completed(upload);
    }
    return UploadView.of(upload);
  }

  public UploadView terminate(String id, Caller caller) {
    return terminate(own(id, caller));
  }

  /** An admin ends anyone's upload in flight (the tus termination, from the console). */
  public UploadView terminateAny(String id, Caller caller) {
    caller.requireAdmin("end other people's uploads");
    return terminate(uploads.find(id).orElseThrow(
        () -> new NotFoundException("unknown-upload", "No upload " + id)));
  }

  /** The uploads in flight, for an admin: see {@link org.dropcart.upload.domain.UploadRepository#inFlight}. */
  public org.dropcart.platform.domain.Page<InFlightUpload> inFlight(
      org.dropcart.platform.domain.Listing listing, Caller caller) {
    caller.requireAdmin("see every upload");
    return uploads.inFlight(listing).map(InFlightUpload::of);
  }

  private UploadView terminate(Upload upload) {
    upload.requireAlive(clock.instant());
    upload.terminate();
    return UploadView.of(upload);
  }

  /**
   * Whether an upload's file on the volume is still needed: it receives bytes, or waits for the
   * store pipeline or for a final upload. A file of any other upload (or of none) is a leftover.
   */
  public boolean holdsBytes(String id) {
    return uploads.find(id).map(u -> u.state() == UploadState.RECEIVING || u.state() == UploadState.COMPLETE
        || (u.state() == UploadState.CONCATENATED && !finalSettled(u))).orElse(false);
  }

  /** Up to {@code limit} ids of uploads whose expiry has passed. */
  public java.util.List<String> expiredIds(int limit) {
    return uploads.expiredIds(clock.instant(), limit);
  }

  /** Marks one upload expired, if it still is due; returns its length on disk, or -1 if not. */
  public long expire(String id) {
    return uploads.find(id).filter(u -> u.expireIfDue(clock.instant())).map(Upload::offset).orElse(-1L);
  }

  /** Whether the final upload that took a partial one in has left the pipeline. */
  private boolean finalSettled(Upload part) {
    return uploads.finalOf(part.id()).map(f -> f.state() != UploadState.COMPLETE).orElse(true);
  }

  private Upload own(String id, Caller caller) {
    return uploads.find(id).filter(u -> u.isOwnedBy(caller.userId())).orElseThrow(() -> unknown(id));
  }

  private static NotFoundException unknown(String id) {
    return new NotFoundException("unknown-upload", "No upload " + id + " of yours");
  }

  /** Uploads still receiving bytes or waiting for the store (the console dashboard). */
  public long countInFlight() {
    java.util.Map<String, Long> counts = uploads.countByStatus();
    return counts.get(org.dropcart.upload.domain.UploadState.RECEIVING.name())
        + counts.get(org.dropcart.upload.domain.UploadState.COMPLETE.name());
  }
}
