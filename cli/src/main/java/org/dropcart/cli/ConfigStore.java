package org.dropcart.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the CLI keeps between runs, in the user's config directory ({@code $XDG_CONFIG_HOME/dropcart},
 * else {@code ~/.config/dropcart}): {@code config.json} (server URL, user name, access token) and
 * {@code uploads.json} (the tus URL of each unfinished upload, by file fingerprint, so a second run
 * resumes it). The directory is made {@code 700} and every file {@code 600}, written whole to a
 * private temporary file and moved into place, so a token is never readable by others, not even
 * for a moment, and a crash never leaves half a file.
 */
public final class ConfigStore {
  static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private final Path dir;

  public ConfigStore(Path dir) {
    this.dir = dir;
  }

  /** The directory from the environment: {@code XDG_CONFIG_HOME} when set and absolute, else {@code ~/.config}. */
  public static ConfigStore fromEnvironment(Map<String, String> env, String userHome) {
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
        ? Path.of(xdg) : Path.of(userHome, ".config");
    return new ConfigStore(base.resolve("dropcart"));
  }

  public Path dir() {
    return dir;
  }

  /** The saved session: server, username, token (all optional). */
  public record Session(String server, String username, String token, String expiresAt) {
    JsonObject toJson() {
      JsonObjectBuilder b = Json.createObjectBuilder();
      put(b, "server", server);
      put(b, "username", username);
      put(b, "token", token);
      put(b, "expiresAt", expiresAt);
      return b.build();
    }

    private static void put(JsonObjectBuilder b, String key, String value) {
      if (value != null) {
        b.add(key, value);
      }
    }
  }

  public Session session() {
    JsonObject o = read("config.json");
    return new Session(string(o, "server"), string(o, "username"), string(o, "token"), string(o, "expiresAt"));
  }

  public void saveSession(Session session) {
    write("config.json", session.toJson().toString());
  }

  /** Unfinished uploads: fingerprint → tus upload URL. */
  public Map<String, String> uploads() {
    Map<String, String> urls = new LinkedHashMap<>();
    read("uploads.json").forEach((k, v) -> {
      if (v instanceof JsonString s) {
        urls.put(k, s.getString());
      }
    });
    return urls;
  }

  public synchronized void putUpload(String fingerprint, String url) {
    Map<String, String> urls = uploads();
    urls.put(fingerprint, url);
    writeUploads(urls);
  }

  public synchronized void removeUpload(String fingerprint) {
    Map<String, String> urls = uploads();
    if (urls.remove(fingerprint) != null) {
      writeUploads(urls);
    }
  }

  private void writeUploads(Map<String, String> urls) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    urls.forEach(b::add);
    write("uploads.json", b.build().toString());
  }

  private JsonObject read(String name) {
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try {
      return Json.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8))).readObject();
    } catch (IOException e) {
      throw new CliException(ExitCode.INTERNAL, "cannot read " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new CliException(ExitCode.INTERNAL, file + " is damaged (" + e.getMessage() + "); delete it", e);
    }
  }

  private void write(String name, String content) {
    try {
      ensureDir();
      Path target = dir.resolve(name);
      Path tmp = POSIX
          ? Files.createTempFile(dir, "." + name, ".tmp", PosixFilePermissions.asFileAttribute(FILE_MODE))
          : Files.createTempFile(dir, "." + name, ".tmp");
      try {
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        try {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
      if (POSIX) {
        Files.setPosixFilePermissions(target, FILE_MODE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve(name), e);
    }
  }

  private void ensureDir() throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
    }
    if (POSIX) {
      Files.setPosixFilePermissions(dir, DIR_MODE);
    }
  }

  private static String string(JsonObject o, String key) {
    return Optional.ofNullable(o.get(key)).filter(v -> v instanceof JsonString)
        .map(v -> ((JsonString) v).getString()).orElse(null);
  }
}
