package org.dropcart.upload.domain;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/** The bytes of uploads in progress, on the staging volume. */
public interface UploadFiles {
  /**
   * What an append put on disk (forced to the device): {@code count} bytes, then the client went
   * away ({@code interrupted}), sent more than allowed ({@code overflowed}), or the volume ran out of
   * room ({@code volumeFull}; what did not fit was taken off the file again).
   */
  record Written(long count, boolean interrupted, boolean overflowed, boolean volumeFull) {}

  void create(String uploadId) throws IOException;

  /** A writer's hold on one upload's bytes, released by {@link #close()}. */
  interface Claim extends AutoCloseable {
    @Override
    void close() throws IOException;
  }

  /**
   * Claims the upload's bytes for one writer across every process that shares the volume (the
   * nodes of a cluster), or returns empty at once when another process holds them. A process that
   * dies loses its claims. Within one process the caller keeps writers apart itself.
   */
  java.util.Optional<Claim> claim(String uploadId) throws IOException;

  /**
   * Writes the stream at {@code offset}, at most {@code max} bytes, then forces them to disk. A
   * stream that fails midway keeps what arrived and says it was {@code interrupted}; a stream with
   * more than {@code max} bytes stops there and says it {@code overflowed}. Every byte written
   * also goes through each of the {@code digests}. When the volume has less than {@code keepFree}
   * bytes free, nothing is written; when it fills up midway, what fit is kept. Either way the rest
   * of the stream is read and dropped (so that the client hears the answer) and it says
   * {@code volumeFull}.
   */
  Written append(String uploadId, long offset, long max, long keepFree, InputStream body,
      java.util.List<MessageDigest> digests) throws IOException;

  /** Cuts the file back to {@code length} bytes (a chunk that failed its checksum). */
  void truncate(String uploadId, long length) throws IOException;

  void delete(String uploadId) throws IOException;

  /** The ids of every upload that has a file on the volume. */
  java.util.List<String> ids() throws IOException;

  /** The upload's bytes from the start; the file must hold exactly {@code length} bytes. */
  InputStream read(String uploadId, long length) throws IOException;
}
