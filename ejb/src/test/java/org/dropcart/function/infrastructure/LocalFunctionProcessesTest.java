package org.dropcart.function.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.dropcart.function.domain.FunctionProcesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real /bin/sh processes: stdin, the environment, the caps and the timeout that kills the tree. */
class LocalFunctionProcessesTest {
  private static final FunctionProcesses.Limits LIMITS =
      new FunctionProcesses.Limits(Duration.ofSeconds(1), 100, 50, 10, 512L * 1024 * 1024);

  private final LocalFunctionProcesses processes = new LocalFunctionProcesses();
  @TempDir Path dir;

  @Test
  void readsStdinSeesOnlyItsEnvironmentAndRunsInItsDirectory() throws Exception {
    FunctionProcesses.Ended ended = processes.run("cat; echo \" $FOO $HOME $(pwd)\"", dir,
        Map.of("PATH", "/usr/bin:/bin", "FOO", "bar"), "{\"a\":1}".getBytes(StandardCharsets.UTF_8), LIMITS);
    assertThat(ended.exitCode()).isZero();
    assertThat(ended.timedOut()).isFalse();
    assertThat(ended.stdout().text().trim()).isEqualTo("{\"a\":1} bar  " + dir.toRealPath());
  }

  @Test
  void capsBothStreamsAndReportsTheExitCode() throws Exception {
    FunctionProcesses.Ended ended = processes.run("head -c 100000 /dev/zero; head -c 5000 /dev/zero >&2; exit 7",
        dir, Map.of("PATH", "/usr/bin:/bin"), new byte[0], LIMITS);
    assertThat(ended.exitCode()).isEqualTo(7);
    assertThat(ended.stdout().truncated()).isTrue();
    assertThat(ended.stdout().text()).hasSize(100);
    assertThat(ended.stderr().text()).hasSize(50);
  }

  @Test
  void killsTheProcessAndItsDescendantsAtTheTimeout() throws Exception {
    long started = System.nanoTime();
    FunctionProcesses.Ended ended = processes.run("sleep 300 & echo $! > child.pid; wait", dir,
        Map.of("PATH", "/usr/bin:/bin"), new byte[0], LIMITS);
    assertThat(ended.timedOut()).isTrue();
    assertThat(ended.exitCode()).isNull();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).trim());
    // Killed at once; reaped (no longer a zombie) once its new parent gets to it.
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }
}
