package org.dropcart.platform.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many rows of an entity are in each state, for an operator's dashboard: one grouped query, every
 * state of the enum present (zero when none), in the enum's order.
 */
public final class StatusCounts {
  private StatusCounts() {}

  /**
   * @param entity the JPA entity name (a constant of the repository, never input)
   * @param field the enum-typed field of the entity holding the state
   */
  public static <E extends Enum<E>> Map<String, Long> of(EntityManager em, String entity, String field, Class<E> states) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (E state : states.getEnumConstants()) {
      counts.put(state.name(), 0L);
    }
    em.createQuery("SELECT e." + field + ", COUNT(e) FROM " + entity + " e GROUP BY e." + field, Object[].class)
        .getResultList()
        .forEach(row -> counts.put(((Enum<?>) row[0]).name(), (Long) row[1]));
    return counts;
  }
}
