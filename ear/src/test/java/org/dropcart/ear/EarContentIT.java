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
 * The EAR for an existing Payara Server holds the same code as the runnable WAR, each class once:
 * one EJB module at the root with the ejb classes and the batch jobs (batch artifacts in lib/
 * could not see the EJB module's services on Payara Server), every library in lib/, a skinny web
 * module served at "/". Deploying it is {@link PayaraServerIT}.
 */
class EarContentIT {
  private static final Path EAR = Path.of(System.getProperty("dropcart.test.ear"));

  @Test
  void holdsOneEjbModuleWithTheBatchJobsTheLibrariesAndASkinnyWebModule() throws IOException {
    try (ZipFile ear = new ZipFile(EAR.toFile())) {
      List<String> names = ear.stream().map(ZipEntry::getName).toList();
      assertThat(names).contains("META-INF/application.xml", "dropcart-ejb.jar", "dropcart-web.war");
      assertThat(names).as("our code lives in the EJB module and the web module only")
          .noneMatch(n -> n.startsWith("lib/") && (n.contains("dropcart-ejb") || n.contains("dropcart-batch-jobs")));
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
      List<String> warLibraries = warEntries.stream().filter(n -> n.startsWith("WEB-INF/lib/") && n.endsWith(".jar"))
          .map(n -> n.substring("WEB-INF/lib/".length())).toList();
      assertThat(warLibraries).as("the web module's own libraries: PrimeFaces only")
          .singleElement().matches(n -> n.startsWith("primefaces-") && n.endsWith("-jakarta.jar"));
      assertThat(names).as("PrimeFaces once").noneMatch(n -> n.startsWith("lib/") && n.contains("primefaces"));

      byte[] ejb = ear.getInputStream(ear.getEntry("dropcart-ejb.jar")).readAllBytes();
      assertThat(entries(new ByteArrayInputStream(ejb))).contains(
          "META-INF/persistence.xml", "META-INF/microprofile-config.properties", "META-INF/beans.xml",
          "db/migration/V1__identity.sql", "org/dropcart/identity/infrastructure/AuditEventConsumer.class",
          "META-INF/batch-jobs/token-cleanup.xml", "org/dropcart/identity/interfaces/batch/PurgeExpiredRevocations.class");
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
