package org.dropcart.function.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.dropcart.function.domain.FunctionProcesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real /bin/sh processes: stdin, the environment, the caps and the timeout that kills the tree;
 * and the same inside a real bubblewrap sandbox (.ci/run installs Debian's bubblewrap).
 */
class LocalFunctionProcessesTest {
  private static final FunctionProcesses.Limits LIMITS =
      new FunctionProcesses.Limits(Duration.ofSeconds(1), 100, 50, 10, 512L * 1024 * 1024);
  private static final Path BWRAP = Path.of("/usr/bin/bwrap");
  private static final FunctionProcesses.Sandbox SANDBOX =
      new FunctionProcesses.Sandbox(BWRAP, false, List.of());
  private static final FunctionProcesses.Limits SANDBOXED =
      new FunctionProcesses.Limits(Duration.ofSeconds(10), 4096, 4096, 10, 512L * 1024 * 1024, SANDBOX);

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

  @Test
  void inTheSandboxOnlyItsDirectoryIsWritableAndNothingAroundItIsVisible() throws Exception {
    assumeTrue(Files.isExecutable(BWRAP), "bubblewrap is not installed");
    Path call = Files.createDirectories(dir.resolve("call"));
    Files.writeString(dir.resolve("secret"), "the server's data");
    FunctionProcesses.Ended ended = processes.run(String.join("; ",
        "echo written > mine && cat mine",
        "cat ../secret 2> /dev/null || echo no-sibling",
        "ls " + dir + " 2> /dev/null | tr '\\n' ' '; echo",
        "touch /usr/x 2> /dev/null || echo no-usr",
        "touch /tmp/x && echo own-tmp",
        "test -e /etc/shadow || echo no-shadow",
        "id -u",
        "ls /proc | grep -c '^[0-9]'",
        "echo $HOME"),
        call, Map.of("PATH", "/usr/bin:/bin", "HOME", call.toString()), new byte[0],
        SANDBOXED);
    assertThat(ended.exitCode()).as(ended.stderr().text()).isZero();
    List<String> lines = ended.stdout().text().lines().toList();
    assertThat(lines).hasSize(9);
    assertThat(lines.subList(0, 7)).containsExactly("written", "no-sibling", "call ", "no-usr", "own-tmp",
        "no-shadow", "65534");
    // Its own PID namespace: bwrap's init, the shell and the pipeline, none of the machine's processes.
    assertThat(Integer.parseInt(lines.get(7))).isBetween(2, 5);
    assertThat(lines.get(8)).isEqualTo(call.toString());
    assertThat(call.resolve("mine")).hasContent("written\n");
  }

  @Test
  void theSandboxHasNoNetworkUnlessAllowed() throws Exception {
    assumeTrue(Files.isExecutable(BWRAP), "bubblewrap is not installed");
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String connect = "python3 -c \"import socket; socket.create_connection(('127.0.0.1', " + server.getLocalPort()
          + "), 2); print('connected')\"";
      FunctionProcesses.Limits limits = SANDBOXED;
      FunctionProcesses.Ended cut = processes.run(connect, dir, Map.of("PATH", "/usr/bin:/bin"), new byte[0], limits);
      assertThat(cut.exitCode()).isNotZero();
      assertThat(cut.stderr().text()).contains("Connection refused");
      FunctionProcesses.Ended allowed = processes.run(connect, dir, Map.of("PATH", "/usr/bin:/bin"), new byte[0],
          limits.in(SANDBOX.withNetwork(true)));
      assertThat(allowed.exitCode()).as(allowed.stderr().text()).isZero();
      assertThat(allowed.stdout().text()).isEqualTo("connected\n");
    }
  }

  @Test
  void theTimeoutKillsEverythingInTheSandbox() throws Exception {
    assumeTrue(Files.isExecutable(BWRAP), "bubblewrap is not installed");
    String marker = Long.toString(3_000_000 + ProcessHandle.current().pid());
    FunctionProcesses.Ended ended = processes.run("sleep " + marker + " & sleep " + marker + "; wait", dir,
        Map.of("PATH", "/usr/bin:/bin"), new byte[0], LIMITS.in(SANDBOX));
    assertThat(ended.timedOut()).isTrue();
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (sleepers(marker) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(sleepers(marker)).isZero();
  }

  private static long sleepers(String marker) {
    return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
        .filter(p -> p.info().arguments().map(a -> List.of(a).contains(marker)).orElse(false)).count();
  }
}
