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
 * pool} (required) and {@code timestamp} (ISO-8601 or epoch milliseconds; the time of receipt when
 * absent) and keeps the header as sent.
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

  /** The timestamp the client gave the file, or {@code receivedAt}. */
  public Instant timestamp(Instant receivedAt) {
    String text = values.get("timestamp");
    if (text == null || text.isBlank()) {
      return receivedAt;
    }
    try {
      if (text.chars().allMatch(Character::isDigit)) {
        return Instant.ofEpochMilli(Long.parseLong(text));
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException | NumberFormatException e) {
      try {
        return Instant.parse(text);
      } catch (DateTimeException again) {
        throw new InvalidInputException("Upload-Metadata.timestamp",
            "must be ISO-8601 (2026-11-23T10:00:00Z) or epoch milliseconds");
      }
    }
  }
}
