package org.dropcart.imports.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.dropcart.imports.domain.ImportRefused;
import org.dropcart.imports.domain.UnpackLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JGitRepositoriesTest {
  private static final UnpackLimits LIMITS = new UnpackLimits(100, 10_000_000, 100);
  @TempDir Path dir;
  private final JGitRepositories git = new JGitRepositories();

  private void run(Path in, String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
  }

  private Map<String, String> read(Path clone, String ref) throws Exception {
    Map<String, String> got = new TreeMap<>();
    git.walk(clone, ref, LIMITS, e -> got.put(e.path(), new String(e.content().readAllBytes(), StandardCharsets.UTF_8)));
    return got;
  }

  @Test
  void readsTheTreeAtABranchATagOrACommit() throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    run(work, "git", "init", "-q", "-b", "main");
    Files.writeString(work.resolve("a.csv"), "one");
    Files.createDirectories(work.resolve("d"));
    Files.writeString(work.resolve("d/b.csv"), "two");
    Files.createSymbolicLink(work.resolve("d/link.csv"), Path.of("b.csv"));
    run(work, "git", "add", "-A");
    run(work, "git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "first");
    run(work, "git", "tag", "v1");
    Files.writeString(work.resolve("a.csv"), "one, changed");
    run(work, "git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-am", "second");
    run(dir, "git", "clone", "-q", "--bare", work.toString(), "origin.git");

    Path clone = dir.resolve("clone.git");
    git.cloneInto(dir.resolve("origin.git").toUri(), clone, () -> { });
    assertThat(read(clone, "v1")).containsExactly(Map.entry("a.csv", "one"), Map.entry("d/b.csv", "two"));
    assertThat(read(clone, null)).containsEntry("a.csv", "one, changed");
    assertThat(read(clone, "main")).containsEntry("a.csv", "one, changed");
    assertThatThrownBy(() -> read(clone, "no-such-ref")).isInstanceOf(ImportRefused.class);
    assertThatThrownBy(() -> git.cloneInto(dir.resolve("missing.git").toUri(), dir.resolve("c2"), () -> { }))
        .isInstanceOf(ImportRefused.class);
  }

  @Test
  void refusesALinkOutOfTheTree() throws Exception {
    Path work = Files.createDirectories(dir.resolve("evil"));
    run(work, "git", "init", "-q", "-b", "main");
    Files.createSymbolicLink(work.resolve("passwd"), Path.of("../../../etc/passwd"));
    run(work, "git", "add", "-A");
    run(work, "git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "evil");
    Path clone = dir.resolve("evil-clone.git");
    git.cloneInto(work.toUri(), clone, () -> { });
    assertThatThrownBy(() -> git.walk(clone, null, LIMITS, null)).isInstanceOf(ImportRefused.class)
        .hasMessageContaining("outside");
  }
}
