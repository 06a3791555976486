package org.dropcart.upload.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.dropcart.file.application.FileCatalog;
import org.dropcart.file.application.NewFile;
import org.dropcart.file.domain.Activity;
import org.dropcart.file.domain.StoredFile;
import org.dropcart.group.application.Grouping;
import org.dropcart.group.application.Results;
import org.dropcart.platform.application.Notifier;
import org.dropcart.upload.domain.Checksum;
import org.dropcart.upload.domain.ConcatRole;
import org.dropcart.upload.domain.ContentSniffer;
import org.dropcart.upload.domain.Upload;
import org.dropcart.upload.domain.UploadFiles;
import org.dropcart.upload.domain.UploadMetadata;
import org.dropcart.upload.domain.UploadRepository;

/**
 * The store pipeline for one complete upload (seed 003's file service manager): validate, store
 * each file in the file catalog, settle the upload, tell the uploader and the admins, and free the
 * volume once the transaction commits.
 *
 * <p>An upload is one file, or several: a tar batch ({@code batch tar}) gives one file per entry,
 * with the entry's mtime as its timestamp; a final upload whose partial uploads carry timestamps of
 * their own gives one file per partial upload. Validation refuses an empty file, a file whose
 * sniffed type is forbidden ({@code dropcart.upload.forbidden-types}) and an upload whose bytes do
 * not match the checksum declared in its metadata.
 *
 * <p>Running it twice for one upload (a redelivery after a crash) stores each file once: file names
 * are fixed by the upload, a file already stored or rejected is taken as it is, and a settled
 * upload is left alone.
 */
@Stateless
public class StorePipeline {
  private static final Logger LOG = Logger.getLogger(StorePipeline.class.getName());
  private static final int SNIFF_BUFFER = 64 * 1024;

  @Inject private UploadRepository uploads;
  @Inject private UploadFiles files;
  @Inject private FileCatalog catalog;
  @Inject private ContentSniffer sniffer;
  @Inject private UploadSettings settings;
  @Inject private Notifier notifier;
  @Inject private Grouping grouping;
  @Inject private Results results;
  @Resource private TransactionSynchronizationRegistry transaction;

  /** Stores a complete upload; an upload already settled (or gone) is left alone. */
  public void store(String uploadId) throws IOException {
    Optional<Upload> found = uploads.find(uploadId).filter(Upload::awaitsStore);
    if (found.isEmpty()) {
      LOG.log(Level.FINE, "Upload {0} is not waiting for the store; nothing to do", uploadId);
      return;
    }
    Upload upload = found.get();
    List<Upload> parts = parts(upload);
    UploadMetadata metadata = UploadMetadata.parse(upload.metadata());
    List<StoredFile> results = new ArrayList<>();
    Optional<String> mismatch = checksumMismatch(upload, parts, metadata);
    if (mismatch.isEmpty() && metadata.resultOf().isPresent()) {
      storeResult(upload, metadata.resultOf().get(), metadata);
      return;
    }
    if (mismatch.isPresent()) {
      results.add(catalog.reject(file(upload, upload.id(), metadata.values(), upload.fileTimestamp()),
          upload.offset(), mismatch.get()));
    } else if (metadata.isTarBatch()) {
      storeTar(upload, parts, metadata, results);
    } else if (upload.concatRole() == ConcatRole.FINAL && parts.stream().anyMatch(StorePipeline::hasOwnTimestamp)) {
      int n = 0;
      for (Upload part : parts) {
        Map<String, String> meta = new LinkedHashMap<>(metadata.values());
        meta.putAll(UploadMetadata.parse(part.metadata()).values());
        meta.put("partOf", upload.id());
        meta.put("partUploadId", part.id());
        Instant timestamp = hasOwnTimestamp(part) ? part.fileTimestamp() : upload.fileTimestamp();
        try (InputStream in = files.read(part.id(), part.length())) {
          results.add(storeFile(file(upload, itemName(upload, ++n), meta, timestamp), part.length(), in));
        }
      }
    } else {
      try (InputStream in = bytes(upload, parts)) {
        results.add(storeFile(file(upload, upload.id(), metadata.values(), upload.fileTimestamp()),
            upload.length(), in));
      }
    }
    // In this transaction: a file is stored for grouping (and its owner told) exactly when its
    // upload is settled.
    settle(results);
    if (results.stream().anyMatch(StoredFile::hasContent)) {
      upload.stored();
    } else {
      upload.rejected(results.get(0).reason());
    }
    freeVolumeAfterCommit(upload, parts);
    LOG.log(Level.INFO, "Upload {0}: {1} file(s) stored, {2} rejected", new Object[] {upload.id(),
        results.stream().filter(StoredFile::hasContent).count(),
        results.stream().filter(r -> !r.hasContent()).count()});
  }

  /**
   * A processor's result sent over tus: it becomes the group's result (stored, the group DONE, owed
   * to every member), unless the group got one by another way meanwhile.
   */
  private void storeResult(Upload upload, String groupId, UploadMetadata metadata) throws IOException {
    Optional<org.dropcart.group.application.ResultView> taken;
    try (InputStream in = files.read(upload.id(), upload.length())) {
      taken = results.acceptUpload(groupId, metadata.fileName().orElse(null), upload.fileType(), in);
    }
    if (taken.isPresent()) {
      upload.stored();
      LOG.log(Level.INFO, "Upload {0} is the result of group {1}", new Object[] {upload.id(), groupId});
    } else {
      upload.rejected(Results.REFUSED_DONE);
      LOG.log(Level.INFO, "Upload {0} for group {1} refused: {2}", new Object[] {upload.id(), groupId, Results.REFUSED_DONE});
    }
    freeVolumeAfterCommit(upload, List.of());
  }

  /**
   * Marks an upload failed after its last attempt: the index says why, the uploader and the admins
   * are told, and its bytes are freed. In a transaction of its own, since the attempt's rolls back.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void fail(String uploadId, String reason) {
    Optional<Upload> found = uploads.find(uploadId).filter(Upload::awaitsStore);
    if (found.isEmpty()) {
      return;
    }
    Upload upload = found.get();
    StoredFile failed = catalog.fail(
        file(upload, upload.id(), UploadMetadata.parse(upload.metadata()).values(), upload.fileTimestamp()),
        reason);
    catalog.makeDurable();
    upload.failed(reason);
    notifier.publish(UploadNotices.settled(failed));
    freeVolumeAfterCommit(upload, parts(upload));
  }

  private void storeTar(Upload upload, List<Upload> parts, UploadMetadata metadata, List<StoredFile> results)
      throws IOException {
    try (BufferedInputStream in = new BufferedInputStream(bytes(upload, parts), SNIFF_BUFFER)) {
      in.mark(512);
      byte[] header = in.readNBytes(512);
      in.reset();
      if (!TarArchiveInputStream.matches(header, header.length)) {
        results.add(catalog.reject(file(upload, upload.id(), metadata.values(), upload.fileTimestamp()),
            upload.length(), "not-a-tar: a batch upload must be a POSIX (ustar, pax or GNU) tar"));
        return;
      }
      TarArchiveInputStream tar = new TarArchiveInputStream(in);
      int n = 0;
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (!entry.isFile()) {
          continue;
        }
        String path = entry.getName();
        Map<String, String> meta = new LinkedHashMap<>(metadata.values());
        meta.remove("filetype");
        meta.put("filename", baseName(path));
        meta.put("path", path);
        meta.put("partOf", upload.id());
        results.add(storeFile(
            file(upload, itemName(upload, ++n), meta, entry.getLastModifiedTime().toInstant()),
            entry.getSize(), tar));
      }
      if (n == 0) {
        results.add(catalog.reject(file(upload, upload.id(), metadata.values(), upload.fileTimestamp()),
            upload.length(), "empty-batch: the tar holds no regular file"));
      }
    }
  }

  /**
   * Stores one file that did not come over tus (an import's): validated like an upload's file,
   * indexed, enlisted for grouping, its owner told. A file already stored under that name is taken
   * as it is (a run again after a crash).
   */
  public StoredFile storeOne(NewFile file, long size, InputStream content) throws IOException {
    StoredFile stored = storeFile(file, size, content);
    settle(List.of(stored));
    return stored;
  }

  /**
   * The first half of {@link #storeOne} for a caller that stores many files in a row (an import of
   * an archive): validated, bytes and index entry written, but not yet durable, enlisted or
   * announced. {@link #settle} does that for a run of them at once, in one transaction, which is
   * what makes an archive of thousands of small files affordable.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public StoredFile storeUnsettled(NewFile file, long size, InputStream content) throws IOException {
    return storeFile(file, size, content);
  }

  /**
   * Makes stored files durable, then (never before) enlists them for grouping and tells their
   * owners: a crash in between loses neither, since a file not yet durable was never announced.
   */
  public void settle(List<StoredFile> stored) {
    catalog.makeDurable();
    for (StoredFile f : stored) {
      if (f.hasContent()) {
        grouping.enlist(f.fileName(), f.poolId(), f.ownerId(), f.clientId(), f.displayName(), f.timestamp(),
            f.size(), f.sha256());
      }
      notifier.publish(UploadNotices.settled(f));
    }
  }

  /** Validates one file and stores it, or records why not; a file already settled is taken as it is. */
  private StoredFile storeFile(NewFile file, long size, InputStream content) throws IOException {
    Optional<StoredFile> settled = catalog.entry(file.fileName()).filter(f -> f.activity() != Activity.FAILED);
    if (settled.isPresent()) {
      return settled.get();
    }
    if (size == 0) {
      return catalog.reject(file, 0, "empty-file: the file has no bytes");
    }
    BufferedInputStream in = new BufferedInputStream(new NonClosing(content), SNIFF_BUFFER);
    String type = sniffer.sniff(in, file.metaData().get("filename"));
    java.util.Set<String> forbidden = settings.forbiddenTypes();
    Optional<String> refused = sniffer.lineage(type).stream().filter(forbidden::contains).findFirst();
    if (refused.isPresent()) {
      return catalog.reject(file.withContentType(type), size,
          "forbidden-type: the content is " + type + (type.equals(refused.get()) ? "" : ", a kind of " + refused.get()));
    }
    return catalog.store(file.withContentType(type), in);
  }

  private Optional<String> checksumMismatch(Upload upload, List<Upload> parts, UploadMetadata metadata)
      throws IOException {
    Optional<Checksum> declared = metadata.checksum();
    if (declared.isEmpty()) {
      return Optional.empty();
    }
    MessageDigest digest = declared.get().algorithm().newDigest();
    try (InputStream in = new DigestInputStream(bytes(upload, parts), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return declared.get().matches(digest.digest())
        ? Optional.empty()
        : Optional.of("checksum-mismatch: the bytes do not match the declared "
            + declared.get().algorithm().tusName() + " checksum");
  }

  /** The upload's bytes: its own, or its partial uploads' one after the other. */
  private InputStream bytes(Upload upload, List<Upload> parts) throws IOException {
    if (upload.concatRole() != ConcatRole.FINAL) {
      return files.read(upload.id(), upload.length());
    }
    return new SequenceInputStream(Collections.enumeration(new java.util.AbstractList<InputStream>() {
      @Override
      public InputStream get(int i) {
        Upload part = parts.get(i);
        try {
          return files.read(part.id(), part.length());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }

      @Override
      public int size() {
        return parts.size();
      }
    }));
  }

  private List<Upload> parts(Upload upload) {
    List<Upload> parts = new ArrayList<>();
    for (String id : upload.concatParts()) {
      parts.add(uploads.find(id).orElseThrow(() -> new IllegalStateException(
          "Final upload " + upload.id() + " names partial upload " + id + ", which is gone")));
    }
    return parts;
  }

  private static boolean hasOwnTimestamp(Upload part) {
    return UploadMetadata.parse(part.metadata()).hasTimestamp();
  }

  private static NewFile file(Upload u, String fileName, Map<String, String> meta, Instant timestamp) {
    return new NewFile(fileName, u.id(), u.poolId(), u.clientId(), u.clientName(), u.ownerId(), meta, timestamp,
        u.fileType());
  }

  /** The unique name of the n-th file (from 1) of a batch upload. */
  static String itemName(Upload upload, int n) {
    return upload.id() + "-" + String.format("%05d", n);
  }

  private static String baseName(String path) {
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String base = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    return base.isEmpty() ? path : base;
  }

  /** Deletes the upload's bytes from the volume once the transaction that settled it commits. */
  private void freeVolumeAfterCommit(Upload upload, List<Upload> parts) {
    List<String> ids = new ArrayList<>();
    ids.add(upload.id());
    parts.forEach(p -> ids.add(p.id()));
    transaction.registerInterposedSynchronization(new Synchronization() {
      @Override
      public void beforeCompletion() {}

      @Override
      public void afterCompletion(int status) {
        if (status != Status.STATUS_COMMITTED) {
          return;
        }
        for (String id : ids) {
          try {
            files.delete(id);
          } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not free the bytes of upload {0}; the purge job will: {1}",
                new Object[] {id, e.getMessage()});
          }
        }
      }
    });
  }

  /** Keeps a consumer from closing a stream it was lent (a tar's entry). */
  private static final class NonClosing extends java.io.FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
