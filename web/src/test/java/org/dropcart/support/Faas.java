package org.dropcart.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.dropcart.support.Api.Reply;

/** Functions through the API: archives made in memory, multipart registration, calls awaited. */
public final class Faas {
  private final Api api;

  public Faas(Api api) {
    this.api = api;
  }

  /** A tar.gz of {@code files} (name → content), names taken as they are (even escaping ones). */
  public static byte[] tarGz(Map<String, String> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, String> f : files.entrySet()) {
        byte[] content = f.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(f.getKey(), true);
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static byte[] zip(Map<String, String> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        zip.putArchiveEntry(new ZipArchiveEntry(f.getKey()));
        zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** POST {@code path} with {@code archive} as multipart field {@code module} (as curl -F module=@file). */
  public Reply registerFunction(String path, String fileName, byte[] archive, String token) {
    String boundary = "----dropcart" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"module\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(archive);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return api.send("POST", path, "multipart/form-data; boundary=" + boundary,
        BodyPublishers.ofByteArray(body.toByteArray()), token);
  }

  /** Invokes {@code funcName} with {@code paramsJson}; the call's number. */
  public long invoke(String funcName, String paramsJson, String token) {
    Reply r = api.post("api/faas/invokeFunction", "{\"funcName\":\"" + funcName + "\",\"params\":" + paramsJson + "}",
        token);
    if (r.status() != 202) {
      throw new AssertionError("invoking " + funcName + " failed: " + r);
    }
    return r.json().getJsonNumber("callNum").longValue();
  }

  /** The call once it has ended (long-polled), failing the test after {@code timeout}. */
  public jakarta.json.JsonObject awaitEnd(long callNum, String token, Duration timeout) {
    return Eventually.await("call " + callNum + " to end", timeout,
        () -> api.get("api/faas/calls/" + callNum + "/wait?timeout=5", token),
        r -> r.status() == 200).json();
  }
}
