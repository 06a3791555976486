package org.dropcart.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/ cannot be run here (no Docker engine), so it is checked for what goes wrong silently:
 * the compose file parses, every image is pinned, every DROPCART_ and DATABASE_ variable is one
 * README or the launcher documents, the ports agree, the files it mounts and copies exist or are
 * built, and the image runs as a non-root user with a readiness health check. Where a docker
 * client with compose is installed, {@code docker compose config} validates the file too.
 */
class DockerFilesTest {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
  private static final Path DOCKER = ROOT.resolve("docker");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> compose() throws IOException {
    return new Yaml().load(Files.readString(DOCKER.resolve("compose.yaml")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services() throws IOException {
    return (Map<String, Map<String, Object>>) compose().get("services");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> environment(String service) throws IOException {
    return (Map<String, Object>) services().get(service).get("environment");
  }

  @Test
  void composeHoldsDropcartAndEveryServiceItTalksTo() throws IOException {
    assertThat(services()).containsKeys("dropcart", "postgres", "mongo", "artemis", "otel-collector", "jaeger",
        "fluent-bit", "elasticsearch", "kibana");
    assertThat(services().get("elasticsearch").get("profiles")).as("logs are optional").isEqualTo(List.of("logs"));
    assertThat(((Map<?, ?>) compose().get("volumes")).containsKey("dropcart-data")).as("the data volume").isTrue();
  }

  @Test
  void everyImageIsPinnedToAVersion() throws IOException {
    services().forEach((name, service) -> {
      String image = String.valueOf(service.get("image"));
      String tag = image.substring(image.lastIndexOf('/') + 1);
      assertThat(tag).as(name + " image " + image).matches("[\\w.\\-]+:[\\w.\\-]+")
          .doesNotEndWith(":latest").doesNotEndWith(":stable");
    });
    assertThat(Files.readString(DOCKER.resolve("Dockerfile")))
        .contains("FROM payara/micro:" + pomProperty("payara.version") + "-jdk17");
    assertThat(services().get("artemis").get("image")).isEqualTo("apache/activemq-artemis:" + pomProperty("artemis.version"));
  }

  @Test
  void everyVariableDropcartIsGivenIsDocumented() throws IOException {
    Set<String> documented = new LinkedHashSet<>();
    // A row's first cell names one key or several ("`dropcart.db.user` / `dropcart.db.password`").
    Matcher row = Pattern.compile("^\\| (`dropcart\\.[^|]*)\\|", Pattern.MULTILINE)
        .matcher(Files.readString(ROOT.resolve("README.md")));
    while (row.find()) {
      Matcher key = Pattern.compile("`(dropcart\\.[a-z0-9.\\-]+)`").matcher(row.group(1));
      while (key.find()) {
        documented.add(key.group(1).toUpperCase(Locale.ROOT).replaceAll("[.\\-]", "_"));
      }
    }
    Matcher seedNames = Pattern.compile("env `([A-Z_]+)`").matcher(Files.readString(ROOT.resolve("README.md")));
    while (seedNames.find()) {
      documented.add(seedNames.group(1));
    }
    Matcher launcher = Pattern.compile("^#\\s+(DROPCART_[A-Z_]+)", Pattern.MULTILINE)
        .matcher(Files.readString(ROOT.resolve("src/main/liberty-or-payara/run.sh")));
    while (launcher.find()) {
      documented.add(launcher.group(1));
    }
    assertThat(documented).as("README's configuration table").contains("DROPCART_DB_URL", "DROPCART_PUBLIC_URL");

    for (String variable : environment("dropcart").keySet()) {
      assertThat(documented).as(variable + " is in README's table or the launcher's environment").contains(variable);
    }
  }

  @Test
  void thePortsAgree() throws IOException {
    String port = String.valueOf(environment("dropcart").get("DROPCART_PORT"));
    assertThat(services().get("dropcart").get("ports")).isEqualTo(List.of(port + ":" + port));
    String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
    assertThat(dockerfile).contains("DROPCART_PORT=" + port, "EXPOSE " + port,
        "http://127.0.0.1:" + port + "/health/ready");
    assertThat(String.valueOf(environment("dropcart").get("DROPCART_BROKER_PORT")))
        .isEqualTo("61616").as("the acceptor's port in broker.xml");
    assertThat(Files.readString(ROOT.resolve("src/main/liberty-or-payara/artemis/broker.xml")))
        .contains("${dropcart.broker.port:61616}");
    assertThat(String.valueOf(environment("dropcart").get("DROPCART_DB_URL"))).contains("//postgres:5432/");
    assertThat(String.valueOf(environment("dropcart").get("DROPCART_MONGO_URI"))).isEqualTo("mongodb://mongo:27017");
  }

  @Test
  @SuppressWarnings("unchecked")
  void whatComposeMountsExistsAndWhatTheImageCopiesIsBuilt() throws IOException {
    for (Map<String, Object> service : services().values()) {
      for (Object volume : (List<Object>) service.getOrDefault("volumes", List.of())) {
        String source = String.valueOf(volume).split(":")[0];
        if (source.startsWith(".")) {
          assertThat(DOCKER.resolve(source).normalize()).as(String.valueOf(volume)).exists();
        }
      }
    }
    String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
    String webPom = Files.readString(ROOT.resolve("web/pom.xml"));
    Matcher runtime = Pattern.compile("web/target/runtime/([\\w.\\-]+)").matcher(dockerfile);
    int copied = 0;
    while (runtime.find()) {
      assertThat(webPom).as(runtime.group(1) + " is put in target/runtime by the build")
          .contains("<destFileName>" + runtime.group(1) + "</destFileName>");
      copied++;
    }
    assertThat(copied).isEqualTo(3);
    assertThat(ROOT.resolve("src/main/liberty-or-payara/run.sh")).exists();
    assertThat(Files.readString(DOCKER.resolve("Dockerfile.dockerignore")))
        .contains("!web/target/dropcart.war", "!src/main/liberty-or-payara/");
  }

  @Test
  void theImageRunsAsItsOwnUserAndReportsReadiness() throws IOException {
    List<String> lines = Files.readAllLines(DOCKER.resolve("Dockerfile"));
    String lastUser = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
    assertThat(lastUser).isEqualTo("USER payara");
    assertThat(String.join("\n", lines)).contains("HEALTHCHECK").contains("/health/ready")
        .contains("VOLUME /var/lib/dropcart").contains("DROPCART_DATA_DIR=/var/lib/dropcart");
  }

  @Test
  void dockerComposeAcceptsTheFileWhereItIsInstalled() throws Exception {
    assumeTrue(runs("docker", "compose", "version"), "no docker compose here: the checks above stand in for it");
    ProcessBuilder config = new ProcessBuilder("docker", "compose", "-f", DOCKER.resolve("compose.yaml").toString(),
        "--profile", "logs", "config", "--quiet").redirectErrorStream(true);
    config.environment().put("DROPCART_ADMIN_PASSWORD", "an-admin-password");
    config.environment().put("DROPCART_DB_PASSWORD", "a-db-password");
    Process p = config.start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
  }

  private static boolean runs(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String pomProperty(String name) throws IOException {
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(Files.readString(ROOT.resolve("pom.xml")));
    assertThat(m.find()).as(name).isTrue();
    return m.group(1);
  }
}
