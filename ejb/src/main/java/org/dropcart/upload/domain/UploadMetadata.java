package org.dropcart.upload.domain;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dropcart.platform.domain.InvalidInputException;

/**
 * The tus {@code Upload-Metadata} of an upload: comma-separated {@code key base64(value)} pairs
 * (a key alone means an empty value). Dropcart reads {@code filename}, {@code filetype}, {@code
 * pool} (required, except in a result upload) and {@code timestamp} (ISO-8601 or epoch milliseconds;
 * the time of receipt when absent), {@code group} (a processor's result for that group) and keeps the
 * header as sent.
 */
public final class UploadMetadata {
  public static final int MAX_HEADER = 4096;
  private static final Pattern KEY = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");
  private static final Pattern SAFE_NAME = Pattern.compile("[^/\\\\\\x00-\\x1f\\x7f]{1,255}");

  private final String header;
  private final Map<String, String> values;

  private UploadMetadata(String header, Map<String, String> values) {
    this.header = header;
    this.values = Collections.unmodifiableMap(values);
  }

  public static UploadMetadata parse(String header) {
    String h = header == null ? "" : header.trim();
    if (h.length() > MAX_HEADER) {
      throw invalid("is longer than " + MAX_HEADER + " characters");
    }
    Map<String, String> values = new LinkedHashMap<>();
    if (!h.isEmpty()) {
      for (String pair : h.split(",", -1)) {
        String[] parts = pair.trim().split(" ", -1);
        if (parts.length > 2 || !KEY.matcher(parts[0]).matches()) {
          throw invalid("has a malformed pair '" + pair.trim() + "'");
        }
        if (values.containsKey(parts[0])) {
          throw invalid("repeats the key '" + parts[0] + "'");
        }
        values.put(parts[0], parts.length == 2 ? decode(parts[0], parts[1]) : "");
      }
    }
    UploadMetadata metadata = new UploadMetadata(h, values);
    metadata.fileName().ifPresent(UploadMetadata::requireSafeName);
    metadata.checksum();
    if (metadata.isTarBatch() && metadata.resultOf().isPresent()) {
      throw new InvalidInputException("Upload-Metadata.batch", "a result upload is one file, not a batch");
    }
    return metadata;
  }

  private static String decode(String key, String base64) {
    try {
      byte[] bytes = Base64.getDecoder().decode(base64);
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      throw invalid("value of '" + key + "' is not base64-encoded UTF-8");
    }
  }

  private static void requireSafeName(String name) {
    if (!SAFE_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw new InvalidInputException("Upload-Metadata.filename",
          "must be 1 to 255 characters without path separators or control characters");
    }
  }

  private static InvalidInputException invalid(String problem) {
    return new InvalidInputException("Upload-Metadata", problem);
  }

  public String header() {
    return header;
  }

  public Map<String, String> values() {
    return values;
  }

  public Optional<String> fileName() {
    return Optional.ofNullable(values.get("filename")).filter(s -> !s.isEmpty());
  }

  public Optional<String> fileType() {
    return Optional.ofNullable(values.get("filetype")).filter(s -> !s.isEmpty());
  }

  public String pool() {
    String pool = values.get("pool");
    if (pool == null || pool.isBlank()) {
      throw new InvalidInputException("Upload-Metadata.pool", "is required: the id of the pool to upload into");
    }
    return pool;
  }

  /**
   * The group this upload is the processor's result for ({@code group}), if it is one: such an
   * upload is authorised by the group's callback token instead of a member's bearer token.
   */
  public Optional<String> resultOf() {
    return Optional.ofNullable(values.get("group")).filter(s -> !s.isBlank());
  }

  /** Whether the client gave the file a timestamp of its own. */
  public boolean hasTimestamp() {
    String text = values.get("timestamp");
    return text != null && !text.isBlank();
  }

  /**
   * The checksum the client declared for the whole upload ({@code checksum}: an algorithm and a
   * base64 digest, as in {@code Upload-Checksum}), verified by the store pipeline.
   */
  public Optional<Checksum> checksum() {
    String text = values.get("checksum");
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Checksum.parse(text));
    } catch (InvalidInputException e) {
      throw new InvalidInputException("Upload-Metadata.checksum",
          "must be '<md5|sha1|sha256> <base64 digest>'");
    }
  }

  /** Whether the upload is a tar whose entries are stored as files of their own ({@code batch tar}). */
  public boolean isTarBatch() {
    String batch = values.get("batch");
    if (batch == null || batch.isBlank()) {
      return false;
    }
    if (!batch.equals("tar")) {
      throw new InvalidInputException("Upload-Metadata.batch", "must be 'tar' when given");
    }
    return true;
  }

  /** Builds metadata from values, as a client would send it (for uploads that do not come over tus). */
  public static UploadMetadata of(Map<String, String> values) {
    StringBuilder header = new StringBuilder();
    values.forEach((k, v) -> {
      if (v == null) {
        return;
      }
      if (header.length() > 0) {
        header.append(',');
      }
      header.append(k).append(' ').append(Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8)));
    });
    return parse(header.toString());
  }

  /** The timestamp the client gave the file, or {@code receivedAt}. */
  public Instant timestamp(Instant receivedAt) {
    String text = values.get("timestamp");
    if (text == null || text.isBlank()) {
      return receivedAt;
    }
    return org.dropcart.platform.domain.Timestamps.parse("Upload-Metadata.timestamp", text);
  }
}
