package org.dropcart.group.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.dropcart.platform.domain.InvalidInputException;
import org.dropcart.pool.domain.GroupingWindow;
import org.dropcart.pool.domain.LatePolicy;
import org.dropcart.pool.domain.Lateness;
import org.junit.jupiter.api.Test;

class GroupingRulesTest {
  private static final Instant T = Instant.parse("2026-11-23T10:00:00Z"); // a window start for PT5M
  private final Map<Instant, GroupStatus> groups = new HashMap<>();

  private GroupingRules rules(LatePolicy policy) {
    return new GroupingRules(GroupingWindow.parse("PT5M"), Lateness.parse("PT1M"), policy,
        start -> Optional.ofNullable(groups.get(start)));
  }

  private Placement place(LatePolicy policy, Instant timestamp, Instant storedAt, Instant now) {
    return rules(policy).place("f", "p", timestamp, storedAt, 10, now);
  }

  @Test
  void windowsAreAlignedToTheEpoch() {
    GroupingWindow w = GroupingWindow.parse("PT5M");
    assertEquals(T, w.startOf(T));
    assertEquals(T, w.startOf(T.plusSeconds(299)));
    assertEquals(T.plusSeconds(300), w.startOf(T.plusSeconds(300)));
    assertEquals(Instant.parse("1969-12-31T23:55:00Z"), w.startOf(Instant.parse("1969-12-31T23:59:59Z")));
    assertEquals(Instant.parse("2026-11-23T00:00:00Z"),
        GroupingWindow.parse("P1D").startOf(Instant.parse("2026-11-23T23:59:59Z")));
    // A width that does not divide an hour still cuts the same windows on every node.
    assertEquals(Instant.ofEpochSecond(7 * (1_000_000 / 7)),
        GroupingWindow.parse("PT7S").startOf(Instant.ofEpochSecond(1_000_000)));
  }

  @Test
  void aFileJoinsItsOwnWindowUntilTheWindowSeals() {
    Placement p = place(LatePolicy.NEXT, T.plusSeconds(10), T.plusSeconds(359), T.plusSeconds(400));
    assertEquals(T, p.windowStart());
    assertFalse(p.late());
    // Arrived exactly at the end plus lateness: still on time.
    assertEquals(T, place(LatePolicy.REJECT, T, T.plusSeconds(360), T.plusSeconds(400)).windowStart());
  }

  @Test
  void aFileArrivingAfterTheGraceGoesToTheCurrentWindowUnderNext() {
    Instant now = T.plusSeconds(3600 + 20);
    Placement p = place(LatePolicy.NEXT, T.plusSeconds(10), T.plusSeconds(361), now);
    assertEquals(T.plusSeconds(3600), p.windowStart());
    assertTrue(p.late());
    assertFalse(p.isRejected());
  }

  @Test
  void aFileArrivingAfterTheGraceIsRejectedUnderReject() {
    Placement p = place(LatePolicy.REJECT, T.plusSeconds(10), T.plusSeconds(361), T.plusSeconds(400));
    assertTrue(p.isRejected());
    assertNull(p.windowStart());
  }

  @Test
  void aWindowWhoseGroupIsNoLongerOpenTakesNothingEvenInTime() {
    groups.put(T, GroupStatus.SEALED);
    assertTrue(place(LatePolicy.REJECT, T.plusSeconds(10), T.plusSeconds(20), T.plusSeconds(30)).isRejected());
    Placement next = place(LatePolicy.NEXT, T.plusSeconds(10), T.plusSeconds(20), T.plusSeconds(30));
    // The current window is the sealed one itself: the next window after it takes the file.
    assertEquals(T.plusSeconds(300), next.windowStart());
    assertTrue(next.late());
  }

  @Test
  void nextSkipsEveryWindowThatIsNoLongerOpen() {
    Instant now = T.plusSeconds(3600);
    groups.put(now, GroupStatus.DISPATCHED);
    groups.put(now.plusSeconds(300), GroupStatus.SEALED);
    groups.put(now.plusSeconds(600), GroupStatus.OPEN);
    Placement p = place(LatePolicy.NEXT, T, T.plusSeconds(1000), now);
    assertEquals(now.plusSeconds(600), p.windowStart());
  }

  @Test
  void anOpenGroupTakesItsFiles() {
    groups.put(T, GroupStatus.OPEN);
    assertEquals(T, place(LatePolicy.REJECT, T.plusSeconds(1), T.plusSeconds(2), T.plusSeconds(3)).windowStart());
  }

  @Test
  void sealTimeIsEndPlusLateness() {
    assertEquals(T.plusSeconds(360), rules(LatePolicy.NEXT).sealsAt(T));
    assertEquals(Duration.ofMinutes(5), rules(LatePolicy.NEXT).width());
  }

  @Test
  void settingsAreValidated() {
    assertEquals(LatePolicy.NEXT, LatePolicy.parse(null));
    assertEquals(LatePolicy.REJECT, LatePolicy.parse(" Reject "));
    assertThrows(InvalidInputException.class, () -> LatePolicy.parse("drop"));
    assertEquals(Duration.ofMinutes(1), Lateness.parse("").grace());
    assertEquals(Duration.ZERO, Lateness.parse("PT0S").grace());
    assertThrows(InvalidInputException.class, () -> Lateness.parse("-PT1S"));
    assertThrows(InvalidInputException.class, () -> Lateness.parse("P2D"));
    assertThrows(InvalidInputException.class, () -> Lateness.parse("PT0.5S"));
    assertThrows(InvalidInputException.class, () -> Lateness.parse("soon"));
    assertEquals(GroupStatus.SEALED, GroupStatus.parse("sealed"));
    assertThrows(InvalidInputException.class, () -> GroupStatus.parse("closed"));
  }
}
