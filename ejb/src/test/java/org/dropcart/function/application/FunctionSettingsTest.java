package org.dropcart.function.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dropcart.function.domain.FunctionProcesses;
import org.dropcart.support.MapConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dropcart.faas.sandbox and its keys: what a call and a dependency step get, and what is refused. */
class FunctionSettingsTest {
  @TempDir Path dir;

  @Test
  void withoutASandboxProcessesArePlain() {
    FunctionSettings settings = new FunctionSettings(new MapConfig(Map.of()));
    assertThat(settings.limits().sandbox()).isEqualTo(FunctionProcesses.Sandbox.NONE);
    assertThat(settings.dependencyLimits().sandbox().isolated()).isFalse();
    assertThat(settings.sandboxKind()).isEqualTo("none");
  }

  @Test
  void inBwrapCallsHaveNoNetworkUnlessAllowedAndDependencyStepsHaveIt() throws Exception {
    Path bwrap = Files.createFile(dir.resolve("bwrap"));
    assertThat(bwrap.toFile().setExecutable(true)).isTrue();
    FunctionSettings settings = new FunctionSettings(new MapConfig(Map.of("dropcart.faas.sandbox", " BWRAP ",
        "dropcart.faas.bwrap", bwrap.toString(), "dropcart.faas.sandbox-read-only", "/opt/python, ,/srv/models")));
    FunctionProcesses.Sandbox call = settings.limits().sandbox();
    assertThat(call.bwrap()).isEqualTo(bwrap);
    assertThat(call.network()).isFalse();
    assertThat(call.readOnly()).containsExactly(Path.of("/opt/python"), Path.of("/srv/models"));
    assertThat(settings.dependencyLimits().sandbox().network()).isTrue();
    assertThat(settings.dependencyLimits().timeout()).isEqualTo(settings.dependencyTimeout());
    FunctionSettings networked = new FunctionSettings(new MapConfig(Map.of("dropcart.faas.sandbox", "bwrap",
        "dropcart.faas.bwrap", bwrap.toString(), "dropcart.faas.call-network", "true")));
    assertThat(networked.limits().sandbox().network()).isTrue();
  }

  @Test
  void anUnknownSandboxOrAMissingBwrapIsRefusedWithTheKeyToFix() {
    assertThatThrownBy(() -> new FunctionSettings(new MapConfig(Map.of("dropcart.faas.sandbox", "docker"))).limits())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dropcart.faas.sandbox is none or bwrap");
    assertThatThrownBy(() -> new FunctionSettings(new MapConfig(Map.of("dropcart.faas.sandbox", "bwrap",
        "dropcart.faas.bwrap", dir.resolve("absent").toString()))).limits())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not an executable file")
        .hasMessageContaining("dropcart.faas.bwrap");
  }
}
