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

class JpqlListingTest {
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

    Page<String> page = new JpqlListing<>(String.class, "i", "i.id")
        .where("LOWER(i.url) LIKE :url ESCAPE '\\'", "url", JpqlListing.containing(typed))
        .page(em, listing, SORTS, "createdAt");

    assertThat(jpql).containsExactly(
        "SELECT i FROM String i WHERE LOWER(i.url) LIKE :url ESCAPE '\\' ORDER BY i.url ASC, i.id",
        "SELECT COUNT(i) FROM String i WHERE LOWER(i.url) LIKE :url ESCAPE '\\'");
    assertThat(parameters).containsEntry("url", "%x' or '1'='1%");
    assertThat(page.items()).containsExactly("row");
    assertThat(page.total()).isEqualTo(7);
  }

  @Test
  void anUnknownSortFieldFallsBackToTheDefaultInItsOwnDirection() {
    Listing listing = new Listing(new PageRequest(0, 10), "password; DROP TABLE users", false, Map.of());

    new JpqlListing<>(String.class, "c", "c.id").where("c.status = :status", "status", "DONE")
        .pageNewestFirst(em, listing, SORTS, "createdAt");
    new JpqlListing<>(String.class, "c", "c.id").page(em, listing, SORTS, "createdAt");

    assertThat(jpql.get(0)).isEqualTo("SELECT c FROM String c WHERE c.status = :status ORDER BY i.createdAt DESC, c.id");
    assertThat(jpql.get(2)).isEqualTo("SELECT c FROM String c ORDER BY i.createdAt ASC, c.id");
    assertThat(parameters).containsExactly(Map.entry("status", "DONE"));
  }

  @Test
  void aKnownSortFieldFollowsTheAskedDirection() {
    Listing listing = new Listing(new PageRequest(0, 10), "url", true, Map.of());

    new JpqlListing<>(String.class, "i", "i.id").pageNewestFirst(em, listing, SORTS, "createdAt");

    assertThat(jpql.get(0)).isEqualTo("SELECT i FROM String i ORDER BY i.url DESC, i.id");
  }

  @Test
  void containingLowerCasesAndWrapsInWildcards() {
    assertThat(JpqlListing.containing("Alice")).isEqualTo("%alice%");
  }

  @Test
  void containingEscapesTheLikeWildcardsThePersonTyped() {
    assertThat(JpqlListing.containing("50%_a\\b")).isEqualTo("%50\\%\\_a\\\\b%");
  }

  @Test
  void anUnknownEnumFilterIsABadInputNamingTheFilter() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> JpqlListing.constant(java.time.DayOfWeek.class, "status", "someday"))
        .isInstanceOf(org.dropcart.platform.domain.InvalidInputException.class)
        .hasMessageContaining("status");
    assertThat(JpqlListing.constant(java.time.DayOfWeek.class, "status", "monday")).isEqualTo(java.time.DayOfWeek.MONDAY);
  }
}
