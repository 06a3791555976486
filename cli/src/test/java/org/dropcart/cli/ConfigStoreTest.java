package org.dropcart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigStoreTest {
  @TempDir Path home;

  @Test
  void keepsTheSessionInAFileOnlyItsOwnerCanRead() throws Exception {
    ConfigStore store = new ConfigStore(home.resolve("cfg/dropcart"));
    store.saveSession(new ConfigStore.Session("http://h:8080/", "alice", "secret-token", "2026-12-03T10:00:00Z"));

    Path file = store.dir().resolve("config.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.dir()))).isEqualTo("rwx------");
    assertThat(new ConfigStore(store.dir()).session())
        .isEqualTo(new ConfigStore.Session("http://h:8080/", "alice", "secret-token", "2026-12-03T10:00:00Z"));
    try (var leftovers = Files.list(store.dir())) {
      assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactly("config.json");
    }
  }

  @Test
  void tightensAFileThatWasMadeReadableByOthers() throws Exception {
    ConfigStore store = new ConfigStore(home.resolve("dropcart"));
    store.saveSession(new ConfigStore.Session("http://h/", "bob", "t1", null));
    Path file = store.dir().resolve("config.json");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    store.saveSession(new ConfigStore.Session("http://h/", "bob", "t2", null));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(store.session().token()).isEqualTo("t2");
  }

  @Test
  void remembersUnfinishedUploadsUntilTheyAreRemoved() throws Exception {
    ConfigStore store = new ConfigStore(home.resolve("dropcart"));
    store.putUpload("fp1", "http://h/api/upload/a");
    store.putUpload("fp2", "http://h/api/upload/b");
    store.removeUpload("fp1");

    assertThat(new ConfigStore(store.dir()).uploads()).containsExactly(Map.entry("fp2", "http://h/api/upload/b"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.dir().resolve("uploads.json"))))
        .isEqualTo("rw-------");
  }

  @Test
  void anEmptyDirectoryMeansNoSession() {
    ConfigStore store = new ConfigStore(home.resolve("nothing-here"));
    assertThat(store.session()).isEqualTo(new ConfigStore.Session(null, null, null, null));
    assertThat(store.uploads()).isEmpty();
  }

  @Test
  void followsXdgConfigHomeElseTheHomeDirectory() {
    assertThat(ConfigStore.fromEnvironment(Map.of("XDG_CONFIG_HOME", "/x/cfg"), "/home/u").dir())
        .isEqualTo(Path.of("/x/cfg/dropcart"));
    assertThat(ConfigStore.fromEnvironment(Map.of(), "/home/u").dir()).isEqualTo(Path.of("/home/u/.config/dropcart"));
    // The XDG spec: a relative value is invalid and ignored.
    assertThat(ConfigStore.fromEnvironment(Map.of("XDG_CONFIG_HOME", "rel"), "/home/u").dir())
        .isEqualTo(Path.of("/home/u/.config/dropcart"));
  }
}
