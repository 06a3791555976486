package org.dropcart.cli;

import io.tus.java.client.ProtocolException;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import io.tus.java.client.TusURLStore;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code upload FILE…}: tus 1.0.0 with the official Java client. The upload URL of each file is
 * kept in the config directory under the file's fingerprint (server, pool, path, size, mtime), so a
 * run that was cut off — Ctrl-C, a lost connection, a kill — is resumed by the next run from the
 * server's offset, and only the rest is sent. Every request carries {@code Upload-Checksum} (SHA-256
 * of its bytes) when the server lists sha256 among its checksum algorithms, so a damaged request is
 * refused and sent again; the whole file's SHA-256 also travels in the metadata and is checked by
 * the server's store pipeline.
 */
@Command(name = "upload", mixinStandardHelpOptions = true,
    description = {"Upload files into a pool (tus; resumable across runs; SHA-256 checked).",
        "A progress bar is shown on stderr when it is a terminal."})
final class UploadCommand extends BaseCommand {
  static final int CHUNK = 64 * 1024;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to upload") List<Path> files;
  @Option(names = {"-p", "--pool"}, required = true, description = "Pool id") String pool;
  @Option(names = {"-t", "--timestamp"}, description = "The files' timestamp (ISO-8601 or epoch ms; default: now)")
  String timestamp;
  @Option(names = "--type", description = "Media type to declare (default: guessed from the name)") String type;
  @Option(names = "--request-size", paramLabel = "BYTES", defaultValue = "4194304",
      description = "Bytes per PATCH request (default: ${DEFAULT-VALUE})") int requestSize;
  @Option(names = {"-q", "--quiet"}, description = "No progress bar") boolean quiet;
  /** For tests: exit abruptly, as a kill would, once this many bytes are acknowledged (at a request boundary). */
  @Option(names = "--x-stop-after-bytes", hidden = true) long stopAfterBytes;

  @Override
  protected int run() throws Exception {
    for (Path f : files) {
      if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
        throw CliException.usage("not a readable file: " + f);
      }
    }
    if (requestSize < CHUNK) {
      throw CliException.usage("--request-size must be at least " + CHUNK);
    }
    Api api = api();
    boolean checksums = serverTakesSha256(api);
    ConfigStore store = store();
    JsonArrayBuilder results = jakarta.json.Json.createArrayBuilder();
    Table table = Table.of("FILE", "FILE NAME", "SIZE", "RESUMED AT", "SENT", "SHA-256");
    for (Path f : files) {
      Result r = upload(api, store, f, checksums);
      results.add(r.toJson());
      table.row(f, r.fileName, Table.bytes(r.size), r.resumedFrom, Table.bytes(r.sent), r.sha256.substring(0, 16) + "…");
    }
    if (json) {
      printJson(results.build());
    } else {
      out().print(table.render());
      out().flush();
    }
    return ExitCode.OK;
  }

  record Result(Path file, String url, String fileName, long size, long resumedFrom, long sent, String sha256,
      boolean checksummed) {
    JsonObject toJson() {
      return jakarta.json.Json.createObjectBuilder().add("file", file.toString()).add("uploadUrl", url)
          .add("fileName", fileName).add("size", size).add("resumedFrom", resumedFrom).add("sent", sent)
          .add("sha256", sha256).add("requestChecksums", checksummed).build();
    }
  }

  /** tus OPTIONS: whether the server verifies {@code Upload-Checksum: sha256 …} per request. */
  private static boolean serverTakesSha256(Api api) {
    Api.Reply r = api.send(api.request("api/upload/").method("OPTIONS", BodyPublishers.noBody()));
    String ext = r.header("Tus-Extension");
    String algorithms = r.header("Tus-Checksum-Algorithm");
    return ext != null && ext.contains("checksum") && algorithms != null
        && List.of(algorithms.toLowerCase(Locale.ROOT).split("\\s*,\\s*")).contains("sha256");
  }

  private Result upload(Api api, ConfigStore store, Path path, boolean checksums) throws Exception {
    File file = path.toFile();
    long size = file.length();
    byte[] whole = sha256(file, 0, size);
    String sha256 = HexFormat.of().formatHex(whole);
    ChecksumClient client = new ChecksumClient();
    client.setUploadCreationURL(JdkHttpConnection.url(api.base().resolve("api/upload/").toString()));
    client.setHeaders(Map.of("Authorization", "Bearer " + api.token()));
    client.enableResuming(new StoredUrls(store));
    client.enableRemoveFingerprintOnSuccess();
    TusUpload upload = new TusUpload(file);
    upload.setFingerprint(fingerprint(api, path, size));
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("filename", path.getFileName().toString());
    String filetype = type != null ? type : Files.probeContentType(path);
    if (filetype != null) {
      meta.put("filetype", filetype);
    }
    meta.put("pool", pool);
    if (timestamp != null) {
      meta.put("timestamp", timestamp);
    }
    meta.put("checksum", "sha256 " + Base64.getEncoder().encodeToString(whole));
    upload.setMetadata(meta);

    Progress progress = new Progress(err(), path.getFileName().toString(), size, !quiet && !json && System.console() != null);
    TusUploader uploader;
    long resumedFrom;
    long requestLeft = 0;
    try {
      uploader = resumeOrCreate(client, upload, path);
      resumedFrom = uploader.getOffset();
      uploader.setChunkSize(CHUNK);
      uploader.setRequestPayloadSize(requestSize);
      progress.update(resumedFrom);
      while (true) {
        long offset = uploader.getOffset();
        if (requestLeft == 0) {
          long len = Math.min(requestSize, size - offset);
          if (len <= 0) {
            break;
          }
          if (checksums) {
            client.nextChecksum = "sha256 " + Base64.getEncoder().encodeToString(sha256(file, offset, len));
          }
          requestLeft = len;
        }
        int n = uploader.uploadChunk();
        if (n == -1) {
          break;
        }
        requestLeft -= n;
        progress.update(uploader.getOffset());
        if (stopAfterBytes > 0 && requestLeft == 0 && uploader.getOffset() >= stopAfterBytes
            && uploader.getOffset() < size) {
          // The request just ended was acknowledged by the server (the uploader read its answer).
          progress.done();
          err().println("dropcart: stopping after " + uploader.getOffset() + " bytes (test flag)");
          err().flush();
          Runtime.getRuntime().halt(99);
        }
      }
      uploader.finish();
    } catch (ProtocolException e) {
      progress.done();
      throw fromTus(e);
    } catch (IOException e) {
      progress.done();
      throw Api.network(api.base(), e);
    }
    progress.done();
    String url = uploader.getUploadURL().toString();
    String fileName = url.substring(url.lastIndexOf('/') + 1);
    return new Result(path, url, fileName, size, resumedFrom, size - resumedFrom, sha256, checksums);
  }

  /**
   * Resumes the upload kept for this file, or creates one. The official client starts over only on
   * 404; an upload that expired or was terminated (410), or that is not ours (403), cannot be
   * resumed either: it is forgotten and the file is sent again from the start.
   */
  private TusUploader resumeOrCreate(TusClient client, TusUpload upload, Path path)
      throws ProtocolException, IOException {
    try {
      return client.resumeOrCreateUpload(upload);
    } catch (ProtocolException e) {
      HttpURLConnection c = e.getCausingConnection();
      int status = c == null ? -1 : c.getResponseCode();
      if (status != 410 && status != 403) {
        throw e;
      }
      new StoredUrls(store()).remove(upload.getFingerprint());
      err().println("dropcart: the earlier upload of " + path + " cannot be resumed (HTTP " + status
          + "); starting over");
      err().flush();
      return client.createUpload(upload);
    }
  }

  /** The key an unfinished upload is kept under: the same file, unchanged, into the same pool of the same server. */
  private String fingerprint(Api api, Path path, long size) throws IOException {
    String key = api.base() + "\n" + pool + "\n" + path.toAbsolutePath().normalize() + "\n" + size + "\n"
        + Files.getLastModifiedTime(path).toMillis() + "\n" + (timestamp == null ? "" : timestamp);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] sha256(File file, long offset, long length) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file, "r")) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      raf.seek(offset);
      byte[] buf = new byte[CHUNK];
      long left = length;
      while (left > 0) {
        int n = raf.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          throw new IOException(file + " shrank while being read");
        }
        sha.update(buf, 0, n);
        left -= n;
      }
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The server's refusal, read from the connection the tus client gave up on. */
  private static CliException fromTus(ProtocolException e) {
    HttpURLConnection c = e.getCausingConnection();
    if (c == null) {
      return new CliException(ExitCode.REFUSED, "upload refused: " + e.getMessage());
    }
    try {
      int status = c.getResponseCode();
      String body = "";
      try (InputStream in = c.getErrorStream() != null ? c.getErrorStream() : InputStream.nullInputStream()) {
        body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
      }
      return CliException.http(status, body);
    } catch (IOException io) {
      return new CliException(ExitCode.NETWORK, "upload failed: " + io.getMessage(), io);
    }
  }

  /** The official client, with the next request's {@code Upload-Checksum} added when it opens that PATCH. */
  static final class ChecksumClient extends TusClient {
    volatile String nextChecksum;

    @Override
    public void prepareConnection(HttpURLConnection connection) {
      super.prepareConnection(connection);
      String checksum = nextChecksum;
      if (checksum != null && !connection.getURL().equals(getUploadCreationURL())) {
        connection.setRequestProperty("Upload-Checksum", checksum);
        nextChecksum = null;
      }
    }
  }

  /** The tus client's URL store, backed by {@code uploads.json} in the config directory. */
  static final class StoredUrls implements TusURLStore {
    private final ConfigStore store;

    StoredUrls(ConfigStore store) {
      this.store = store;
    }

    @Override
    public void set(String fingerprint, URL url) {
      store.putUpload(fingerprint, url.toString());
    }

    @Override
    public URL get(String fingerprint) {
      String url = store.uploads().get(fingerprint);
      try {
        return url == null ? null : JdkHttpConnection.url(url);
      } catch (MalformedURLException e) {
        return null;
      }
    }

    @Override
    public void remove(String fingerprint) {
      store.removeUpload(fingerprint);
    }
  }
}
