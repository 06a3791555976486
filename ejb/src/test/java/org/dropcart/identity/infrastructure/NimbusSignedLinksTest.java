package org.dropcart.identity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.dropcart.platform.application.SignedLinks.Check;
import org.junit.jupiter.api.Test;

class NimbusSignedLinksTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private final byte[] key = "0123456789abcdef0123456789abcdef".getBytes();
  private final NimbusSignedLinks links = new NimbusSignedLinks(key, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aTokenIsGoodForItsPurposeUntilItExpires() {
    String token = links.sign("bundle:g1", NOW.plusSeconds(60));
    assertThat(links.check(token, "bundle:g1")).isEqualTo(Check.VALID);
    assertThat(token).matches("[A-Za-z0-9_.-]+");
    NimbusSignedLinks later = new NimbusSignedLinks(key, Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));
    assertThat(later.check(token, "bundle:g1")).isEqualTo(Check.EXPIRED);
  }

  @Test
  void aTokenIsWorthNothingForAnotherPurposeAlteredOrSignedElsewhere() {
    String token = links.sign("file:g1:f1", NOW.plusSeconds(60));
    assertThat(links.check(token, "file:g1:f2")).isEqualTo(Check.INVALID);
    assertThat(links.check(token, "file:g2:f1")).isEqualTo(Check.INVALID);
    // Every character of the signature but the last (which may only carry base64 padding bits).
    int signature = token.lastIndexOf('.') + 1;
    for (int at = signature; at < token.length() - 1; at++) {
      String altered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
      assertThat(links.check(altered, "file:g1:f1")).as("signature altered at %d", at).isEqualTo(Check.INVALID);
    }
    // And the claims.
    String claims = token.substring(0, token.indexOf('.') + 3) + (token.charAt(token.indexOf('.') + 3) == 'A' ? 'B' : 'A')
        + token.substring(token.indexOf('.') + 4);
    assertThat(links.check(claims, "file:g1:f1")).isEqualTo(Check.INVALID);
    NimbusSignedLinks other = new NimbusSignedLinks("fedcba9876543210fedcba9876543210".getBytes(),
        Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(other.check(token, "file:g1:f1")).isEqualTo(Check.INVALID);
    for (String junk : new String[] {null, "", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJmaWxlOmcxOmYxIn0."}) {
      assertThat(links.check(junk, "file:g1:f1")).isEqualTo(Check.INVALID);
    }
  }
}
