package org.dropcart.function.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dropcart.function.domain.CappedOutput;
import org.dropcart.function.domain.FunctionProcesses;
import org.dropcart.function.domain.FunctionProcesses.Sandbox;

/**
 * {@link FunctionProcesses} as local OS processes: {@code /bin/sh -c} in the call's directory with
 * only the given environment, under {@code prlimit} (CPU seconds, address space, no core dumps)
 * when the system has it, and inside bubblewrap when the limits carry a {@link Sandbox}. Both
 * output streams are drained as the process writes them (kept up to their caps); at the timeout
 * the process and every descendant it still has are killed.
 */
@ApplicationScoped
public class LocalFunctionProcesses implements FunctionProcesses {
  private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");
  private static final long DRAIN_GRACE_MS = 2000;

  /** System directories a process may read in the sandbox (merged-/usr links are kept as links). */
  private static final List<String> SYSTEM = List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");

  /** The files of /etc that programs need to start, resolve names and check certificates; not the rest of it. */
  private static final List<String> ETC = List.of("/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf",
      "/etc/ld.so.conf.d", "/etc/localtime", "/etc/ssl/certs", "/etc/ssl/openssl.cnf", "/etc/ca-certificates",
      "/etc/resolv.conf", "/etc/hosts", "/etc/nsswitch.conf", "/etc/passwd", "/etc/group", "/etc/python3",
      "/etc/pip.conf", "/etc/mime.types");

  @Override
  public Ended run(String command, Path dir, Map<String, String> environment, byte[] stdin, Limits limits)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(commandLine(command, dir, limits)).directory(dir.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    long started = System.nanoTime();
    Process process = builder.start();
    CappedOutput out = new CappedOutput(limits.maxOutput());
    CappedOutput err = new CappedOutput(limits.maxStderr());
    Thread outReader = drain(process.getInputStream(), out, "faas-stdout-" + process.pid());
    Thread errReader = drain(process.getErrorStream(), err, "faas-stderr-" + process.pid());
    Thread writer = new Thread(() -> feed(process.getOutputStream(), stdin), "faas-stdin-" + process.pid());
    writer.setDaemon(true);
    writer.start();
    boolean exited;
    try {
      exited = process.waitFor(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      killTree(process);
      throw e;
    }
    if (!exited) {
      killTree(process);
      process.waitFor(5, TimeUnit.SECONDS);
    }
    // A descendant that outlived the process may still hold the pipes open: wait a little, then let go.
    outReader.join(DRAIN_GRACE_MS);
    errReader.join(DRAIN_GRACE_MS);
    closeQuietly(process.getInputStream());
    closeQuietly(process.getErrorStream());
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    return new Ended(exited ? process.exitValue() : null, out, err, !exited, took);
  }

  private static List<String> commandLine(String command, Path dir, Limits limits) throws IOException {
    List<String> line = new ArrayList<>();
    if (Files.isExecutable(PRLIMIT)) {
      line.add(PRLIMIT.toString());
      line.add("--cpu=" + limits.cpuSeconds());
      line.add("--as=" + limits.memoryBytes());
      line.add("--core=0");
      line.add("--");
    }
    if (limits.sandbox().isolated()) {
      line.addAll(bubblewrap(limits.sandbox(), dir.toRealPath(), dir.toAbsolutePath()));
    }
    line.add("/bin/sh");
    line.add("-c");
    line.add(command);
    return line;
  }

  /**
   * bwrap's arguments: new user (as nobody), PID, IPC, UTS and (unless allowed) network
   * namespaces, all capabilities dropped, a new session (no terminal injection), killed with its
   * parent; read-only system directories and {@code sandbox.readOnly()}, fresh {@code /proc},
   * {@code /dev} and {@code /tmp}, and the directory (at its own path, so {@code HOME} and
   * {@code TMPDIR} pointing into it hold) the only writable place.
   */
  private static List<String> bubblewrap(Sandbox sandbox, Path real, Path dir) {
    List<String> args = new ArrayList<>(List.of(sandbox.bwrap().toString(), "--die-with-parent", "--new-session",
        "--unshare-user", "--uid", "65534", "--gid", "65534", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
        "--unshare-cgroup-try", "--cap-drop", "ALL", "--hostname", "dropcart-call"));
    if (!sandbox.network()) {
      args.add("--unshare-net");
    }
    for (String system : SYSTEM) {
      Path p = Path.of(system);
      if (Files.isSymbolicLink(p)) {
        try {
          args.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), system));
        } catch (IOException unreadable) {
          // left out of the sandbox
        }
      } else if (Files.isDirectory(p)) {
        args.addAll(List.of("--ro-bind", system, system));
      }
    }
    for (String etc : ETC) {
      args.addAll(List.of("--ro-bind-try", etc, etc));
    }
    for (Path extra : sandbox.readOnly()) {
      args.addAll(List.of("--ro-bind-try", extra.toString(), extra.toString()));
    }
    args.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
        "--bind", real.toString(), dir.toString(), "--chdir", dir.toString(), "--"));
    return args;
  }

  /** Kills the process and every descendant it has now (children first, so none is left reparented). */
  static void killTree(Process process) {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    // Ones forked while the first were dying.
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    tree.forEach(p -> p.descendants().forEach(ProcessHandle::destroyForcibly));
  }

  private static Thread drain(InputStream in, CappedOutput sink, String name) {
    Thread t = new Thread(() -> {
      try (in) {
        sink.drain(in);
      } catch (IOException closed) {
        // closed after the grace period, or the process was killed
      }
    }, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void feed(OutputStream stdin, byte[] bytes) {
    try (stdin) {
      stdin.write(bytes);
    } catch (IOException notReading) {
      // the process exited or closed its standard input without reading it all
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
