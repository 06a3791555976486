package org.dropcart.upload.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import org.dropcart.platform.application.Caller;
import org.dropcart.platform.domain.NotFoundException;
import org.dropcart.pool.application.MemberView;
import org.dropcart.pool.application.PoolService;
import org.dropcart.upload.domain.Upload;
import org.dropcart.upload.domain.UploadMetadata;
import org.dropcart.upload.domain.UploadRepository;

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

  public UploadView open(Long length, UploadMetadata metadata, Caller caller) {
    MemberView member = pools.requireMember(metadata.pool(), caller);
    Upload upload = new Upload(member.poolId(), caller.userId(), member.clientId(), member.clientName(),
        length, metadata, clock.instant(), settings.expiration());
    uploads.store(upload);
    return UploadView.of(upload);
  }

  /** The caller's own upload, alive; anyone else's is "not found". */
  public UploadView status(String id, Caller caller) {
    Upload upload = own(id, caller);
    upload.requireAlive(clock.instant());
    return UploadView.of(upload);
  }

  /** Checks an append may start at {@code offset}, declaring a deferred length if one is given. */
  public UploadView requireAppendable(String id, long offset, Long declaredLength, Caller caller) {
    Upload upload = own(id, caller);
    upload.requireAppendable(offset, clock.instant());
    if (declaredLength != null) {
      upload.declareLength(declaredLength, settings.maxSize());
    }
    return UploadView.of(upload);
  }

  public UploadView appended(String id, long from, long count) {
    Upload upload = uploads.find(id).orElseThrow(() -> unknown(id));
    upload.appended(from, count, clock.instant(), settings.expiration());
    return UploadView.of(upload);
  }

  public UploadView terminate(String id, Caller caller) {
    Upload upload = own(id, caller);
    upload.requireAlive(clock.instant());
    upload.terminate();
    return UploadView.of(upload);
  }

  /** Up to {@code limit} ids of uploads whose expiry has passed. */
  public java.util.List<String> expiredIds(int limit) {
    return uploads.expiredIds(clock.instant(), limit);
  }

  /** Marks one upload expired, if it still is due; returns its length on disk, or -1 if not. */
  public long expire(String id) {
    return uploads.find(id).filter(u -> u.expireIfDue(clock.instant())).map(Upload::offset).orElse(-1L);
  }

  private Upload own(String id, Caller caller) {
    return uploads.find(id).filter(u -> u.isOwnedBy(caller.userId())).orElseThrow(() -> unknown(id));
  }

  private static NotFoundException unknown(String id) {
    return new NotFoundException("unknown-upload", "No upload " + id + " of yours");
  }
}
