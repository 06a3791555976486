package org.dropcart.ear;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The EAR for an existing Payara Server holds the same three modules as the runnable WAR, each
 * once: the EJB module at the root, the batch jobs and every library in lib/, a skinny web module
 * served at "/". (Deploying it into Payara Server is tested with the production deployments.)
 */
class EarContentIT {
  private static final Path EAR = Path.of(System.getProperty("dropcart.test.ear"));

  @Test
  void holdsTheEjbBatchAndWebModulesOnce() throws IOException {
    try (ZipFile ear = new ZipFile(EAR.toFile())) {
      List<String> names = ear.stream().map(ZipEntry::getName).toList();
      assertThat(names).contains("META-INF/application.xml", "dropcart-ejb.jar", "dropcart-web.war",
          "lib/dropcart-batch-jobs.jar");
      assertThat(names).filteredOn(n -> n.contains("dropcart-ejb")).containsExactly("dropcart-ejb.jar");
      assertThat(names).anyMatch(n -> n.startsWith("lib/") && n.contains("artemis-jakarta-server"));
      assertThat(names).anyMatch(n -> n.startsWith("lib/") && n.contains("mongodb-driver-sync"));
      assertThat(names).anyMatch(n -> n.startsWith("lib/") && n.contains("flyway-core"));
      assertThat(names).as("the server provides the Jakarta EE APIs")
          .noneMatch(n -> n.contains("jakarta.jakartaee-api") || n.contains("jakarta.jms-api"));

      String application = new String(ear.getInputStream(ear.getEntry("META-INF/application.xml")).readAllBytes(),
          StandardCharsets.UTF_8);
      assertThat(application).contains("<ejb>dropcart-ejb.jar</ejb>", "<web-uri>dropcart-web.war</web-uri>",
          "<context-root>/</context-root>", "<library-directory>lib</library-directory>");

      byte[] war = ear.getInputStream(ear.getEntry("dropcart-web.war")).readAllBytes();
      List<String> warEntries = entries(new ByteArrayInputStream(war));
      assertThat(warEntries).contains("WEB-INF/web.xml", "WEB-INF/payara-web.xml");
      // Skinny: the libraries the EJB module shares live once, in lib/; the web module keeps only
      // what nothing else uses (PrimeFaces and its annotations), as Faces scans WEB-INF/lib for them.
      List<String> warLibraries = warEntries.stream().filter(n -> n.startsWith("WEB-INF/lib/") && n.endsWith(".jar"))
          .map(n -> n.substring("WEB-INF/lib/".length())).toList();
      assertThat(warLibraries).as("the web module's own libraries")
          .allMatch(n -> n.startsWith("primefaces-") || n.startsWith("jspecify-"))
          .anyMatch(n -> n.startsWith("primefaces-") && n.endsWith("-jakarta.jar"));
      assertThat(names).as("no library both in lib/ and in the web module")
          .noneMatch(n -> n.startsWith("lib/") && warLibraries.contains(n.substring("lib/".length())));

      byte[] batch = ear.getInputStream(ear.getEntry("lib/dropcart-batch-jobs.jar")).readAllBytes();
      assertThat(entries(new ByteArrayInputStream(batch))).contains("META-INF/batch-jobs/token-cleanup.xml");

      byte[] ejb = ear.getInputStream(ear.getEntry("dropcart-ejb.jar")).readAllBytes();
      assertThat(entries(new ByteArrayInputStream(ejb))).contains(
          "META-INF/persistence.xml", "META-INF/microprofile-config.properties", "db/migration/V1__identity.sql",
          "org/dropcart/identity/infrastructure/AuditEventConsumer.class");
    }
  }

  private static List<String> entries(InputStream archive) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(archive)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        names.add(e.getName());
      }
    }
    return names;
  }
}
