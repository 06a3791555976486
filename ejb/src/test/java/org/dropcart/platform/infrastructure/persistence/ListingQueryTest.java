package org.dropcart.platform.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dropcart.platform.domain.Listing;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.domain.PageRequest;
import org.junit.jupiter.api.Test;

class ListingQueryTest {
  private static final Map<String, String> SORTS = Map.of("createdAt", "i.createdAt", "url", "i.url");

  /** An entity manager that records the JPQL it is given and the parameters set on it. */
  private final List<String> jpql = new ArrayList<>();
  private final Map<String, Object> parameters = new LinkedHashMap<>();
  private final EntityManager em = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(),
      new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
        if (method.getName().equals("createQuery")) {
          jpql.add((String) args[0]);
          return query(((String) args[0]).startsWith("SELECT COUNT"));
        }
        throw new UnsupportedOperationException(method.getName());
      });

  private TypedQuery<?> query(boolean count) {
    return (TypedQuery<?>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TypedQuery.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "setParameter" -> {
            parameters.put((String) args[0], args[1]);
            yield proxy;
          }
          case "setFirstResult", "setMaxResults" -> proxy;
          case "getSingleResult" -> 7L;
          case "getResultList" -> count ? List.of(7L) : List.of("row");
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  @Test
  void typedTextGoesInAsParametersNeverAsQueryText() {
    String typed = "x' OR '1'='1";
    Listing listing = new Listing(new PageRequest(0, 10), "url", false, Map.of("url", typed));

    Page<String> page = ListingQuery.from("Import i").contains("i.url", typed).equal("i.poolId", null)
        .page(em, String.class, listing, SORTS, "createdAt", "i.id");

    assertThat(jpql).containsExactly(
        "SELECT i FROM Import i WHERE LOWER(i.url) LIKE :p0 ORDER BY i.url ASC, i.id",
        "SELECT COUNT(i) FROM Import i WHERE LOWER(i.url) LIKE :p0");
    assertThat(parameters).containsEntry("p0", "%x' or '1'='1%");
    assertThat(page.items()).containsExactly("row");
    assertThat(page.total()).isEqualTo(7);
  }

  @Test
  void anUnknownSortFieldFallsBackToTheDefaultNewestFirst() {
    Listing listing = new Listing(new PageRequest(0, 10), "password; DROP TABLE users", false, Map.of());

    ListingQuery.from("Call c").equal("c.status", "DONE").page(em, String.class, listing, SORTS, "createdAt", "c.id");

    assertThat(jpql.get(0)).isEqualTo("SELECT c FROM Call c WHERE c.status = :p0 ORDER BY i.createdAt DESC, c.id");
    assertThat(parameters).containsExactly(Map.entry("p0", "DONE"));
  }

  @Test
  void noFilterMeansNoWhereClause() {
    ListingQuery.from("Import i").page(em, String.class, Listing.of(new PageRequest(0, 5)), SORTS, "createdAt", "i.id");

    assertThat(jpql.get(0)).isEqualTo("SELECT i FROM Import i ORDER BY i.createdAt DESC, i.id");
  }
}
