package org.dropcart.upload.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped forbidden-type list against what Tika actually detects. */
class TikaContentSnifferTest {
  private final TikaContentSniffer sniffer = new TikaContentSniffer();

  private static Set<String> shippedForbiddenTypes() throws IOException {
    Properties p = new Properties();
    try (InputStream in = TikaContentSnifferTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
      p.load(in);
    }
    return Arrays.stream(p.getProperty("dropcart.upload.forbidden-types").split(","))
        .map(String::trim).collect(Collectors.toSet());
  }

  private boolean forbidden(byte[] content, String name) throws IOException {
    BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(content));
    String type = sniffer.sniff(in, name);
    assertThat(in.read()).as("the stream is reset").isEqualTo(content.length == 0 ? -1 : content[0] & 0xff);
    Set<String> forbidden = shippedForbiddenTypes();
    return sniffer.lineage(type).stream().anyMatch(forbidden::contains);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] elf() {
    byte[] b = new byte[128];
    b[0] = 0x7f;
    b[1] = 'E';
    b[2] = 'L';
    b[3] = 'F';
    b[4] = 2;
    b[5] = 1;
    b[6] = 1;
    b[16] = 2; // ET_EXEC
    return b;
  }

  private static byte[] windowsExecutable() {
    byte[] b = new byte[256];
    b[0] = 'M';
    b[1] = 'Z';
    b[0x3c] = (byte) 0x80;
    b[0x80] = 'P';
    b[0x81] = 'E';
    return b;
  }

  @Test
  void executablesAndScriptsAreForbiddenWhateverTheirName() throws IOException {
    assertThat(forbidden(elf(), "data.csv")).as("ELF").isTrue();
    assertThat(forbidden(windowsExecutable(), "report.txt")).as("PE").isTrue();
    assertThat(forbidden(bytes("#!/bin/sh\nrm -rf /\n"), "notes.txt")).as("shell").isTrue();
    assertThat(forbidden(bytes("#!/usr/bin/env python\nprint(1)\n"), "x.dat")).as("python").isTrue();
    assertThat(forbidden(bytes("#!/usr/bin/perl\nprint 1;\n"), "x.dat")).as("perl").isTrue();
  }

  @Test
  void ordinaryDataPasses() throws IOException {
    assertThat(forbidden(bytes("time,value\n2026-11-23T10:00:00Z,1.5\n"), "readings.csv")).isFalse();
    assertThat(forbidden(bytes("{\"a\":1}"), "m.json")).isFalse();
    assertThat(forbidden(bytes("hello world"), "hello.txt")).isFalse();
    assertThat(forbidden(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13}, "i.png")).isFalse();
    assertThat(forbidden(bytes("%PDF-1.7\n"), "d.pdf")).isFalse();
    byte[] random = new byte[4096];
    new java.util.Random(7).nextBytes(random);
    assertThat(forbidden(random, "blob.bin")).isFalse();
  }

  @Test
  void lineageRunsFromTheTypeToItsAncestors() {
    assertThat(sniffer.lineage("application/x-sh")).startsWith("application/x-sh").contains("text/plain");
    assertThat(sniffer.lineage("text/csv")).startsWith("text/csv").contains("text/plain");
  }
}
