package org.dropcart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code dropcart} jar ({@code cli/target/dropcart-cli.jar}, system property
 * {@code dropcart.test.cli-jar}) as a separate process, as a user would, with a config directory of
 * its own ({@code XDG_CONFIG_HOME}) and no {@code DROPCART_*} variables from the test's environment.
 */
final class CliRunner {
  private final Path configHome;
  private final Path workDir;
  private final Map<String, String> env = new java.util.HashMap<>();

  CliRunner(Path home) {
    try {
      this.configHome = Files.createDirectories(home.resolve("config"));
      this.workDir = Files.createDirectories(home.resolve("work"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the CLI keeps its files: {@code $XDG_CONFIG_HOME/dropcart}. */
  Path configDir() {
    return configHome.resolve("dropcart");
  }

  Path workDir() {
    return workDir;
  }

  CliRunner env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** What one run did: its exit code and what it printed. */
  record Run(int exit, String out, String err) {
    JsonObject json() {
      return Json.createReader(new StringReader(out)).readObject();
    }

    JsonArray jsonArray() {
      return Json.createReader(new StringReader(out)).readArray();
    }

    /** A failure reported the CLI's way: one line on stderr, no stack trace. */
    Run assertOneLineError(int code) {
      assertThat(exit).as(this.toString()).isEqualTo(code);
      assertThat(err.strip().lines()).as(this.toString()).hasSize(1);
      assertThat(err).as(this.toString()).startsWith("dropcart: ").doesNotContain("Exception").doesNotContain("\tat ");
      return this;
    }

    @Override
    public String toString() {
      return "exit " + exit + "\nstdout: " + out + "\nstderr: " + err;
    }
  }

  Run run(String... args) {
    return runWithInput(null, args);
  }

  Run runWithInput(String stdin, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m", "-jar", jar().toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("DROPCART_") || k.equals("XDG_CONFIG_HOME"));
    pb.environment().put("XDG_CONFIG_HOME", configHome.toString());
    pb.environment().putAll(env);
    try {
      Path out = Files.createTempFile(workDir, "cli-out", ".txt");
      Path err = Files.createTempFile(workDir, "cli-err", ".txt");
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process p = pb.start();
      try (var in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("dropcart " + String.join(" ", args) + " did not end within 120 s");
      }
      Run run = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
      Files.delete(out);
      Files.delete(err);
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static Path jar() {
    String jar = System.getProperty("dropcart.test.cli-jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("The CLI jar (system property dropcart.test.cli-jar) is missing: " + jar
          + "; run through the Maven reactor, which builds cli/ first");
    }
    return Path.of(jar);
  }

  /** Logs in through the CLI (password on stdin) and checks it worked. */
  void login(String server, String username, String password) {
    Run r = runWithInput(password + "\n", "login", "--server", server, "-u", username, "--password-stdin");
    assertThat(r.exit()).as(r.toString()).isZero();
  }
}
