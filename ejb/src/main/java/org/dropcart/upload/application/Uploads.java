package org.dropcart.upload.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.dropcart.platform.domain.InsufficientStorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import org.dropcart.platform.application.Caller;
import org.dropcart.platform.domain.BusyException;
import org.dropcart.platform.domain.TooLargeException;
import org.dropcart.upload.domain.Checksum;
import org.dropcart.upload.domain.ConcatRole;
import org.dropcart.upload.domain.UploadFiles;
import org.dropcart.upload.domain.UploadMetadata;

/**
 * Resumable uploads (the tus protocol's model): open one, append bytes at its offset, ask where it
 * stands, terminate it. Appending runs outside any transaction, since a client may take minutes to
 * send a chunk: the bytes go to disk and are forced there first, and only then does the offset move.
 * One append at a time per upload; a second one meanwhile is refused as busy.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Uploads {
  /** Uploads whose bytes a request is working on right now (on this node). */
  private static final java.util.Set<String> BUSY = ConcurrentHashMap.newKeySet();
  private static final int PURGE_BATCH = 500;

  @Inject private UploadLedger ledger;
  @Inject private UploadFiles files;
  @Inject private UploadSettings settings;
  @Inject private IngestActivity activity;

  /** A chunk whose bytes do not match its {@code Upload-Checksum}; the chunk is discarded. */
  public static final class ChecksumMismatch extends org.dropcart.platform.domain.DropcartException {
    private static final long serialVersionUID = 1L;

    ChecksumMismatch(String message) {
      super("checksum-mismatch", message);
    }
  }

  /** Opens an upload of {@code length} bytes, or of a length declared later when it is null. */
  public UploadView open(Long length, String metadataHeader, Caller caller) {
    return open(length, metadataHeader, null, caller);
  }

  /**
   * Opens an upload; with {@link ConcatRole#PARTIAL}, one that a final upload will take in (it is
   * never stored on its own, and expires like an unfinished upload until a final one takes it).
   */
  public UploadView open(Long length, String metadataHeader, ConcatRole role, Caller caller) {
    if (length != null && length < 0) {
      throw new org.dropcart.platform.domain.InvalidInputException("Upload-Length", "must be 0 or more");
    }
    long max = settings.maxSize();
    if (length != null && length > max) {
      throw new TooLargeException("upload-too-large",
          "Upload-Length " + length + " exceeds the limit of " + max + " bytes");
    }
    if (role == ConcatRole.FINAL) {
      throw new IllegalArgumentException("A final upload is made by concatenate()");
    }
    UploadView upload = ledger.open(length, UploadMetadata.parse(metadataHeader), role, caller);
    try {
      files.create(upload.id());
    } catch (IOException e) {
      // Not fatal: the first append creates the file as well.
      java.util.logging.Logger.getLogger(Uploads.class.getName()).warning(
          "Cannot create the file of upload " + upload.id() + " yet: " + e.getMessage());
    }
    return upload;
  }

  /**
   * Opens a final upload: the concatenation of the caller's complete partial uploads, in the order
   * given. It is complete at once and goes to the store pipeline.
   */
  public UploadView concatenate(java.util.List<String> partIds, String metadataHeader, Caller caller) {
    return ledger.concatenate(partIds, UploadMetadata.parse(metadataHeader), caller);
  }

  public UploadView status(String id, Caller caller) {
    return ledger.status(id, caller);
  }

  /** The upload, if every byte it declared has arrived; {@code upload-incomplete} (409) otherwise. */
  public UploadView requireComplete(String id, Caller caller) {
    return ledger.requireComplete(id, caller);
  }

  /** The {@code Upload-Metadata} header that carries these values (for uploads that do not come over tus). */
  public static String metadataHeader(java.util.Map<String, String> values) {
    return UploadMetadata.of(values).header();
  }

  /**
   * Appends the body at {@code offset} and returns the upload with its new offset. Bytes that
   * arrived before the client went away are kept and counted; a chunk with a checksum is kept only
   * whole and matching ({@link ChecksumMismatch} otherwise).
   */
  public UploadView append(String id, long offset, String checksumHeader, InputStream body, Caller caller) {
    return append(id, offset, null, checksumHeader, null, body, caller);
  }

  /**
   * As {@link #append(String, long, String, InputStream, Caller)}, declaring a deferred length first
   * when {@code declaredLength} is given. The chunk's checksum is {@code checksumHeader}, or, when
   * the client announced it as a trailer, what {@code trailer} returns once the body has been read
   * (every supported algorithm is computed meanwhile).
   */
  public UploadView append(
      String id, long offset, Long declaredLength, String checksumHeader,
      java.util.function.Supplier<String> trailer, InputStream body, Caller caller) {
    Checksum declared = checksumHeader == null ? null : Checksum.parse(checksumHeader);
    return activity.receiving(() -> exclusively(id, () -> {
      UploadView upload = ledger.requireAppendable(id, offset, declaredLength, caller);
      long room = (upload.lengthDeferred() ? settings.maxSize() : upload.length()) - offset;
      java.util.Map<Checksum.Algorithm, java.security.MessageDigest> digests =
          new java.util.EnumMap<>(Checksum.Algorithm.class);
      if (declared != null) {
        digests.put(declared.algorithm(), declared.algorithm().newDigest());
      } else if (trailer != null) {
        for (Checksum.Algorithm a : Checksum.Algorithm.values()) {
          digests.put(a, a.newDigest());
        }
      }
      UploadFiles.Written written =
          files.append(id, offset, room, settings.minFreeSpace(), body, java.util.List.copyOf(digests.values()));
      if (written.overflowed()) {
        files.truncate(id, offset);
        throw new TooLargeException("beyond-upload-length", upload.lengthDeferred()
            ? "The chunk goes past the limit of " + settings.maxSize() + " bytes"
            : "The chunk goes past Upload-Length " + upload.length());
      }
      Checksum checksum = declared;
      if (trailer != null && declared == null) {
        String sent = written.interrupted() ? null : trailer.get();
        try {
          if (sent == null) {
            throw new ChecksumMismatch(written.interrupted()
                ? "The chunk was cut before its Upload-Checksum trailer; it was discarded"
                : "The Upload-Checksum trailer was announced but not sent; the chunk was discarded");
          }
          checksum = Checksum.parse(sent);
        } catch (RuntimeException e) {
          files.truncate(id, offset);
          throw e;
        }
      }
      if (checksum != null && (written.interrupted() || !checksum.matches(digests.get(checksum.algorithm()).digest()))) {
        files.truncate(id, offset);
        throw new ChecksumMismatch("The chunk does not match its " + checksum.algorithm().tusName()
            + " checksum; it was discarded");
      }
      // An interrupted body still counts: the client resumes from the offset HEAD reports.
      UploadView appended = ledger.appended(id, offset, written.count());
      if (written.volumeFull()) {
        throw volumeFull(offset + written.count());
      }
      return appended;
    }).orElseThrow(() -> new BusyException("upload-busy", "Another request is appending to upload " + id)));
  }

  private InsufficientStorageException volumeFull(long offset) {
    return new InsufficientStorageException("volume-full", "The volume is full (Dropcart keeps "
        + settings.minFreeSpace() + " bytes of it free); the bytes up to offset " + offset
        + " are kept, resume from there later");
  }

  /** What one purge freed: expired uploads, and leftover files of uploads that no longer hold bytes. */
  public record Purged(int uploads, long bytes, int leftovers) {}

  /**
   * Expires every upload that received nothing for the expiration period and deletes its bytes.
   * An upload receiving bytes at this moment is skipped (its expiry moves when the append ends).
   */
  public Purged purgeExpired() {
    int purged = 0;
    long bytes = 0;
    java.util.Set<String> skipped = new java.util.HashSet<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (String id : ledger.expiredIds(PURGE_BATCH + skipped.size())) {
        if (skipped.contains(id)) {
          continue;
        }
        long freed = expireAndDelete(id);
        if (freed >= 0) {
          purged++;
          bytes += freed;
          progress = true;
        } else {
          skipped.add(id);
        }
      }
    }
    int leftovers = 0;
    java.util.List<String> onVolume;
    try {
      onVolume = files.ids();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the upload files on the volume", e);
    }
    for (String id : onVolume) {
      if (!ledger.holdsBytes(id) && exclusively(id, () -> {
        // Checked again under the upload's lock: it may have been opened meanwhile.
        if (ledger.holdsBytes(id)) {
          return false;
        }
        files.delete(id);
        return true;
      }).orElse(false)) {
        leftovers++;
      }
    }
    return new Purged(purged, bytes, leftovers);
  }

  /** Expires one upload unless it is receiving bytes right now; its freed bytes, or -1. */
  private long expireAndDelete(String id) {
    return exclusively(id, () -> {
      long length = ledger.expire(id);
      if (length >= 0) {
        files.delete(id);
      }
      return length;
    }).orElse(-1L);
  }

  public void terminate(String id, Caller caller) {
    terminate(id, () -> ledger.terminate(id, caller));
  }

  /** An admin ends anyone's upload that is still receiving bytes; its bytes are deleted. */
  public void terminateAny(String id, Caller caller) {
    terminate(id, () -> ledger.terminateAny(id, caller));
  }

  /** The uploads in flight for an admin's listing, most recent first unless asked otherwise. */
  public org.dropcart.platform.domain.Page<InFlightUpload> inFlight(
      org.dropcart.platform.domain.Listing listing, Caller caller) {
    return ledger.inFlight(listing, caller);
  }

  private void terminate(String id, Runnable inLedger) {
    exclusively(id, () -> {
      inLedger.run();
      files.delete(id);
      return true;
    }).orElseThrow(() -> new BusyException("upload-busy", "Upload " + id + " is receiving bytes; try again"));
  }

  /** Work on an upload's bytes that may throw an I/O error. */
  @FunctionalInterface
  private interface UploadWork<T> {
    T run() throws IOException;
  }

  /**
   * Runs {@code work} while holding the upload's lock, or returns empty at once when another
   * request holds it: one writer per upload in this process (a set of busy ids) and across the
   * processes that share the volume ({@link UploadFiles#claim}).
   */
  private <T> java.util.Optional<T> exclusively(String id, UploadWork<T> work) {
    // Nobody ever waits for an upload, so a set of busy ids is the whole lock in this process:
    // adding claims it atomically, removing releases it, and no entry outlives its request.
    if (!BUSY.add(id)) {
      return java.util.Optional.empty();
    }
    try {
      java.util.Optional<UploadFiles.Claim> claim = files.claim(id);
      if (claim.isEmpty()) {
        return java.util.Optional.empty();
      }
      try (UploadFiles.Claim held = claim.get()) {
        return java.util.Optional.of(work.run());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("I/O on the bytes of upload " + id + " failed", e);
    } finally {
      BUSY.remove(id);
    }
  }

}
