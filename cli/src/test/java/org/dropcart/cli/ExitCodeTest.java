package org.dropcart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExitCodeTest {
  @ParameterizedTest
  @CsvSource({"401,3", "403,3", "404,4", "410,4", "400,5", "409,5", "413,5", "423,5", "429,5", "460,5", "500,6",
      "503,6"})
  void eachHttpErrorClassHasItsCode(int status, int code) {
    assertThat(ExitCode.forStatus(status)).isEqualTo(code);
  }

  @Test
  void usageErrorsExitWithTwoAndHelpWithZero() {
    assertThat(run("no-such-command").code).isEqualTo(ExitCode.USAGE);
    assertThat(run("upload").code).isEqualTo(ExitCode.USAGE); // FILE and --pool missing
    assertThat(run("carts", "status").code).isEqualTo(ExitCode.USAGE);
    Result help = run("carts", "create", "--help");
    assertThat(help.code).isZero();
    assertThat(help.out).contains("Usage: dropcart carts create");
  }

  @Test
  @org.junit.jupiter.api.Timeout(20)
  void loginWithoutAPasswordOffATerminalIsAUsageErrorInOneLine() {
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("DROPCART_PASSWORD") == null);
    Result r = run("login", "--server", "http://127.0.0.1:1", "-u", "someone");
    assertThat(r.code).isEqualTo(ExitCode.USAGE);
    assertThat(r.err.strip().lines()).hasSize(1);
  }

  @Test
  void everyCommandHasHelp() {
    for (String[] cmd : new String[][] {{"login"}, {"logout"}, {"pools"}, {"upload"}, {"files"}, {"history"},
        {"download"}, {"groups"}, {"carts", "get"}, {"import"}, {"faas", "invoke"}, {"faas", "call"},
        {"admin", "jobs", "start"}}) {
      String[] args = java.util.Arrays.copyOf(cmd, cmd.length + 1);
      args[cmd.length] = "--help";
      Result r = run(args);
      assertThat(r.code).as(String.join(" ", cmd)).isZero();
      assertThat(r.out).as(String.join(" ", cmd)).startsWith("Usage: dropcart " + String.join(" ", cmd));
    }
  }

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Dropcart.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }
}
