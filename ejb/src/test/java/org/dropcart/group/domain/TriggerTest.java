package org.dropcart.group.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.dropcart.platform.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

class TriggerTest {
  @Test
  void parsesEveryKindAndWritesItBack() {
    for (String t : new String[] {"on-seal", "manual", "pull", "count:1", "count:250"}) {
      assertEquals(t, Trigger.parse(t).wire());
    }
    assertEquals(Trigger.Kind.ON_SEAL, Trigger.parse(" On-Seal ").kind());
    assertTrue(Trigger.parse("count:3").dueAt(3));
    assertFalse(Trigger.parse("count:3").dueAt(2));
    assertFalse(Trigger.parse("on-seal").dueAt(1_000));
  }

  @Test
  void refusesWhatIsNotATrigger() {
    for (String t : new String[] {null, "", "later", "count:", "count:0", "count:-2", "count:x", "count:2000000"}) {
      assertThrows(InvalidInputException.class, () -> Trigger.parse(t), String.valueOf(t));
    }
  }

  @Test
  void aProcessorTakesOnlyAnHttpUrlAndAGoodSecret() {
    Trigger manual = Trigger.parse("manual");
    Instant now = Instant.now();
    Processor p = new Processor("pool", "http://127.0.0.1:9000/process", "0123456789abcdef", manual, "admin", now);
    assertEquals("http://127.0.0.1:9000/process", p.url().toString());
    for (String url : new String[] {null, " ", "ftp://host/x", "/relative", "http://user:pw@host/x", "http://host/x#f",
        "not a url"}) {
      assertThrows(InvalidInputException.class,
          () -> new Processor("pool", url, "0123456789abcdef", manual, "admin", now), String.valueOf(url));
    }
    assertThrows(InvalidInputException.class, () -> new Processor("pool", "https://h/x", "short", manual, "a", now));
    // A refused change leaves the settings as they were.
    assertThrows(InvalidInputException.class, () -> p.change("ftp://x/y", "0123456789abcdefgh", manual, "b", now));
    assertEquals("http://127.0.0.1:9000/process", p.url().toString());
    assertEquals("0123456789abcdef", p.secret());
  }
}
