package org.dropcart.file.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.dropcart.file.domain.Activity;
import org.dropcart.file.domain.FileContents;
import org.dropcart.file.domain.FileIndex;
import org.dropcart.file.domain.StoredFile;
import org.dropcart.platform.application.Caller;
import org.dropcart.platform.domain.ForbiddenException;
import org.dropcart.platform.domain.InvalidInputException;
import org.dropcart.platform.domain.NotFoundException;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.domain.PageRequest;
import org.dropcart.pool.application.MemberView;
import org.dropcart.pool.application.PoolService;

/**
 * Stored files: the store pipeline records each file here (its content into the store, its entry
 * into the index), and clients read them back (a client's history, a pool's files, a download).
 * Content and index are not one transaction, so every write is idempotent by file name: a second
 * store of the same file replaces the first.
 */
@ApplicationScoped
public class FileCatalog {
  @Inject private FileIndex index;
  @Inject private FileContents contents;
  @Inject private PoolService pools;
  @Inject private FilePlaces places;
  @Inject private Clock clock;

  /** The index entry of a file, for the pipeline (no access check). */
  public Optional<StoredFile> entry(String fileName) {
    return index.find(fileName);
  }

  /** The index entries of those of the files that exist, by file name, in one query (no access check). */
  public Map<String, StoredFile> entries(java.util.Collection<String> fileNames) {
    return index.findAll(fileNames);
  }

  /** Streams the content into the store, then writes its entry: {@link Activity#STORED}. */
  public StoredFile store(NewFile file, InputStream content) throws IOException {
    MessageDigest sha256 = sha256();
    long size = contents.write(file.fileName(), file.metaData().getOrDefault("filename", file.fileName()),
        Map.of("poolId", file.poolId(), "clientId", file.clientId(),
            "contentType", file.contentType() == null ? "application/octet-stream" : file.contentType()),
        new DigestInputStream(content, sha256));
    StoredFile stored = entry(file, Activity.STORED, file.fileName(), size,
        HexFormat.of().formatHex(sha256.digest()), null);
    index.save(stored);
    return stored;
  }

  /** Records a file validation refused; it has no content. */
  public StoredFile reject(NewFile file, long size, String reason) {
    contents.delete(file.fileName());
    StoredFile rejected = entry(file, Activity.REJECTED, null, size, null, reason);
    index.save(rejected);
    return rejected;
  }

  /** Records a file every attempt failed to store; it has no content. */
  public StoredFile fail(NewFile file, String reason) {
    contents.delete(file.fileName());
    StoredFile failed = entry(file, Activity.FAILED, null, 0, null, reason);
    index.save(failed);
    return failed;
  }

  /** Every pool's stored files for an admin's listing: see {@link FileIndex#list}. */
  public Page<FileView> list(org.dropcart.platform.domain.Listing listing, Caller caller) {
    caller.requireAdmin("list every pool's files");
    return placed(index.list(listing));
  }

  /**
   * An admin deletes a file: grouping lets it go first (refused while a sealed group or a result
   * needs it), then its content, then its entry, so a delete cut short can be run again.
   */
  public void delete(String fileName, Caller caller) {
    caller.requireAdmin("delete stored files");
    StoredFile file = index.find(fileName)
        .orElseThrow(() -> new NotFoundException("unknown-file", "No file named '" + fileName + "'"));
    places.release(file.fileName());
    contents.delete(file.fileName());
    index.remove(file.fileName());
    contents.makeDurable();
  }

  /** Makes every store and entry so far durable. */
  public void makeDurable() {
    contents.makeDurable();
  }

  private StoredFile entry(NewFile f, Activity activity, String gridFsId, long size, String sha256, String reason) {
    Instant created = index.find(f.fileName()).map(StoredFile::created).orElseGet(clock::instant);
    return new StoredFile(f.fileName(), f.uploadId(), f.poolId(), f.clientId(), f.clientName(), f.ownerId(),
        activity, gridFsId, f.metaData(), created, f.timestamp(), size, sha256, f.contentType(), reason, null);
  }

  /**
   * A client's files, newest first (seed 003's history): for the client itself, or an admin. The
   * client id is the caller's membership id in a pool.
   */
  public Page<FileView> history(String clientId, Caller caller, PageRequest page) {
    if (!caller.admin()) {
      MemberView member = pools.member(clientId)
          .orElseThrow(() -> new NotFoundException("unknown-client", "No client with id '" + clientId + "'"));
      if (!member.userId().equals(caller.userId())) {
        throw new ForbiddenException("not-your-client", "Client " + clientId + " is not one of yours");
      }
    }
    return placed(Page.of(index.ofClient(clientId, page.offset(), page.size()), page,
        index.countOfClient(clientId)));
  }

  /** The caller's own files across all their pools, newest first. */
  public Page<FileView> historyOf(Caller caller, PageRequest page) {
    return placed(Page.of(index.ofOwner(caller.userId(), page.offset(), page.size()), page,
        index.countOfOwner(caller.userId())));
  }

  /** A pool's files with a timestamp in [from, to), oldest first: for its members and admins. */
  public Page<FileView> ofPool(String poolId, Instant from, Instant to, Caller caller, PageRequest page) {
    pools.requireAccess(poolId, caller);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new InvalidInputException("to", "must be after from");
    }
    return placed(Page.of(index.ofPool(poolId, from, to, page.offset(), page.size()), page,
        index.countOfPool(poolId, from, to)));
  }

  /** A stored file to download: for the members of its pool and admins. */
  public FileDownload download(String fileName, Caller caller) {
    StoredFile file = index.find(fileName)
        .orElseThrow(() -> new NotFoundException("unknown-file", "No file named '" + fileName + "'"));
    pools.requireAccess(file.poolId(), caller);
    if (!file.hasContent()) {
      throw new NotFoundException("file-without-content", "File '" + fileName + "' has no content: it was "
          + (file.activity() == Activity.REJECTED ? "rejected" : "not stored")
          + (file.reason() == null ? "" : " (" + file.reason() + ")"));
    }
    return downloadOf(file);
  }

  /**
   * A stored file's content for a caller authorized some other way (a signed link): no access
   * check here.
   */
  public FileDownload content(String fileName) {
    return downloadOf(index.find(fileName).filter(StoredFile::hasContent)
        .orElseThrow(() -> new NotFoundException("unknown-file", "No stored file named '" + fileName + "'")));
  }

  private FileDownload downloadOf(StoredFile file) {
    return new FileDownload(FileView.of(file), offset -> contents.read(file.gridFsId(), offset));
  }

  /**
   * Streams the named stored files as one POSIX tar: an entry per file, named by its file name and
   * dated by its timestamp, in the order given. No access check here.
   */
  public void writeTar(java.util.List<String> fileNames, java.io.OutputStream out) throws IOException {
    try (org.apache.commons.compress.archivers.tar.TarArchiveOutputStream tar =
        new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
            new java.io.BufferedOutputStream(out, 64 * 1024))) {
      tar.setLongFileMode(org.apache.commons.compress.archivers.tar.TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(org.apache.commons.compress.archivers.tar.TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (String name : fileNames) {
        StoredFile file = index.find(name).filter(StoredFile::hasContent)
            .orElseThrow(() -> new IOException("Stored file " + name + " has no content any more"));
        org.apache.commons.compress.archivers.tar.TarArchiveEntry entry =
            new org.apache.commons.compress.archivers.tar.TarArchiveEntry(file.fileName());
        entry.setSize(file.size());
        entry.setModTime(java.util.Date.from(file.timestamp()));
        tar.putArchiveEntry(entry);
        try (InputStream in = contents.read(file.gridFsId(), 0)) {
          long copied = in.transferTo(tar);
          if (copied != file.size()) {
            throw new IOException("Stored file " + name + " has " + copied + " bytes, not " + file.size());
          }
        }
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
  }

  /** Views of the entries, with each stored file's place in grouping (one look-up for the page). */
  private Page<FileView> placed(Page<StoredFile> entries) {
    Map<String, FilePlace> placed = places.of(entries.items().stream()
        .filter(StoredFile::hasContent).map(StoredFile::fileName).toList());
    return entries.map(f -> {
      FileView view = FileView.of(f);
      FilePlace place = placed.get(f.fileName());
      return place == null ? view : view.placed(place);
    });
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many files are stored with their content (the console dashboard). */
  public long countStored() {
    return index.countStored();
  }
}
