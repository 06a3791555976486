package org.dropcart.platform.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfiguredDataSourceTest {
  @TempDir Path data;

  /** A Config over a map: getOptionalValue and getValue, which is all the data source reads. */
  private static Config config(Map<String, String> values) {
    return (Config) Proxy.newProxyInstance(ConfiguredDataSourceTest.class.getClassLoader(),
        new Class<?>[] {Config.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getOptionalValue" -> Optional.ofNullable(values.get((String) args[0]));
          case "getValue" -> Optional.ofNullable(values.get((String) args[0])).orElseThrow();
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  @Test
  void withoutAUrlTheDefaultIsAnH2FileUnderTheDataDirectory() {
    String url = ConfiguredDataSource.url(config(Map.of("dropcart.data.dir", data.toString())));
    assertThat(url).startsWith("jdbc:h2:" + data.resolve("db").resolve("dropcart")).endsWith(";WRITE_DELAY=0");
  }

  @Test
  void theProdProfileRefusesToFallBackOnAnEmbeddedDatabase() {
    Config prod = config(Map.of("dropcart.data.dir", data.toString(), "mp.config.profile", "prod"));
    assertThatThrownBy(() -> ConfiguredDataSource.url(prod)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DROPCART_DB_URL");
    assertThat(ConfiguredDataSource.url(config(Map.of("mp.config.profile", "prod",
        "dropcart.db.url", "jdbc:postgresql://db:5432/dropcart")))).isEqualTo("jdbc:postgresql://db:5432/dropcart");
  }
}
