package org.dropcart.pool.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dropcart.platform.application.Caller;
import org.dropcart.platform.domain.PageRequest;
import org.dropcart.pool.domain.GroupingWindow;
import org.dropcart.pool.domain.Pool;
import org.dropcart.pool.domain.PoolName;
import org.dropcart.pool.domain.PoolRepository;
import org.junit.jupiter.api.Test;

/** The portal's pool picker: the pools someone belongs to, for an admin too (not every pool). */
class PoolsOfMemberTest {
  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  private final Pool alpha = new Pool(new PoolName("alpha"), GroupingWindow.DEFAULT, "admin", NOW);
  private final Pool beta = new Pool(new PoolName("beta"), GroupingWindow.DEFAULT, "admin", NOW);
  private final Map<String, List<Pool>> joined = Map.of("u-carol", List.of(alpha), "u-admin", List.of(beta));
  private final PoolService service = new PoolService();

  PoolsOfMemberTest() throws ReflectiveOperationException {
    PoolRepository pools = (PoolRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {PoolRepository.class}, (proxy, method, args) -> switch (method.getName()) {
          case "ofUserInNameOrder" -> joined.getOrDefault((String) args[0], List.of());
          case "countOfUser" -> (long) joined.getOrDefault((String) args[0], List.of()).size();
          case "countMembers" -> 1L;
          case "inNameOrder" -> List.of(alpha, beta);
          case "count" -> 2L;
          default -> throw new UnsupportedOperationException(method.getName());
        });
    var field = PoolService.class.getDeclaredField("pools");
    field.setAccessible(true);
    field.set(service, pools);
  }

  @Test
  void aUserGetsTheirOwnPools() {
    var page = service.memberOf(new Caller("u-carol", "carol", false), new PageRequest(0, 50));

    assertThat(page.items()).extracting(PoolView::name).containsExactly("alpha");
    assertThat(page.total()).isEqualTo(1);
  }

  @Test
  void anAdminGetsOnlyThePoolsTheyJoinedThoughTheySeeAll() {
    Caller admin = new Caller("u-admin", "admin", true);

    assertThat(service.memberOf(admin, new PageRequest(0, 50)).items()).extracting(PoolView::name)
        .containsExactly("beta");
    assertThat(service.visibleTo(admin, new PageRequest(0, 50)).items()).hasSize(2);
  }

  @Test
  void someoneInNoPoolGetsAnEmptyPage() {
    assertThat(service.memberOf(new Caller("u-dave", "dave", false), new PageRequest(0, 50)).items()).isEmpty();
  }
}
