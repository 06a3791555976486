package org.dropcart.platform.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dropcart.platform.domain.Listing;
import org.dropcart.platform.domain.Page;

/**
 * One page of an entity for a console {@link Listing}: the repository names the entity, the
 * conditions it derived from the listing's filters (each value bound as a parameter) and the
 * fields it lets the person sort by (each mapped to a path it wrote itself), so nothing the browser
 * sends becomes query text.
 */
public final class JpqlListing<T> {
  private final Class<T> type;
  private final String alias;
  private final String tieBreak;
  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> parameters = new LinkedHashMap<>();

  /** Rows of {@code type} under {@code alias}, ordered last by {@code tieBreak} (a unique path). */
  public JpqlListing(Class<T> type, String alias, String tieBreak) {
    this.type = type;
    this.alias = alias;
    this.tieBreak = tieBreak;
  }

  /** Adds a condition written by the repository, with its one named parameter. */
  public JpqlListing<T> where(String condition, String parameter, Object value) {
    conditions.add(condition);
    parameters.put(parameter, value);
    return this;
  }

  /** Adds a condition without parameters. */
  public JpqlListing<T> where(String condition) {
    conditions.add(condition);
    return this;
  }

  /**
   * The listing's page, ordered by the sort field it asks for when {@code sortable} knows it
   * (field name to path) in the listing's direction, else by {@code fallback}'s path ascending.
   */
  public Page<T> page(EntityManager em, Listing listing, Map<String, String> sortable, String fallback) {
    return page(em, listing, sortable, fallback, false);
  }

  /** As {@link #page}, but a listing that names no known sort field comes newest (highest) first. */
  public Page<T> pageNewestFirst(EntityManager em, Listing listing, Map<String, String> sortable, String fallback) {
    return page(em, listing, sortable, fallback, true);
  }

  private Page<T> page(EntityManager em, Listing listing, Map<String, String> sortable, String fallback,
      boolean fallbackDescending) {
    String path = sortable.get(listing.sortOr(sortable.keySet(), fallback));
    boolean descending = listing.descendingOr(sortable.keySet(), fallbackDescending);
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    String entity = type.getSimpleName();
    TypedQuery<T> rows = em.createQuery("SELECT " + alias + " FROM " + entity + " " + alias + where
        + " ORDER BY " + path + (descending ? " DESC" : " ASC") + ", " + tieBreak, type);
    TypedQuery<Long> count = em.createQuery("SELECT COUNT(" + alias + ") FROM " + entity + " " + alias + where,
        Long.class);
    parameters.forEach((name, value) -> {
      rows.setParameter(name, value);
      count.setParameter(name, value);
    });
    List<T> items = rows.setFirstResult(listing.page().offset()).setMaxResults(listing.page().size())
        .getResultList();
    return Page.of(items, listing.page(), count.getSingleResult());
  }

  /** A filter value as a case-insensitive LIKE pattern for "contains", its wildcards escaped ('\'). */
  public static String containing(String text) {
    return "%" + text.toLowerCase(java.util.Locale.ROOT)
        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  /** The constant of {@code type} a filter names (any case), or a 400 naming the filter. */
  public static <E extends Enum<E>> E constant(Class<E> type, String filter, String text) {
    try {
      return Enum.valueOf(type, text.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new org.dropcart.platform.domain.InvalidInputException(filter, "must be one of "
          + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }
}
