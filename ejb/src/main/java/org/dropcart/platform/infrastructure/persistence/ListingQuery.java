package org.dropcart.platform.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.dropcart.platform.domain.Listing;
import org.dropcart.platform.domain.Page;

/**
 * A console listing as one JPQL query and its count: conditions and the order come from the
 * repository's own fixed text (column names, a whitelist of sort fields); what the person typed only
 * ever goes in as a parameter.
 */
public final class ListingQuery {
  private final String from;
  private final StringBuilder where = new StringBuilder();
  private final Map<String, Object> parameters = new LinkedHashMap<>();

  private ListingQuery(String from) {
    this.from = from;
  }

  /** @param entityAndAlias for example {@code "Import i"} */
  public static ListingQuery from(String entityAndAlias) {
    return new ListingQuery(entityAndAlias);
  }

  /** {@code column = value}, unless value is null. */
  public ListingQuery equal(String column, Object value) {
    return value == null ? this : condition(column + " = :", value);
  }

  /** {@code column} contains {@code text} ignoring case, unless text is null. */
  public ListingQuery contains(String column, String text) {
    return text == null ? this : condition("LOWER(" + column + ") LIKE :", "%" + text.toLowerCase(Locale.ROOT) + "%");
  }

  private ListingQuery condition(String text, Object value) {
    String name = "p" + parameters.size();
    where.append(where.length() == 0 ? " WHERE " : " AND ").append(text).append(name);
    parameters.put(name, value);
    return this;
  }

  /**
   * The page the listing asks for, ordered by the listing's sort field if {@code sorts} (field →
   * column) has it, else by {@code fallback} descending; {@code tieBreak} keeps pages stable.
   */
  public <T> Page<T> page(EntityManager em, Class<T> type, Listing listing, Map<String, String> sorts,
      String fallback, String tieBreak) {
    String sort = sorts.get(listing.sortOr(sorts.keySet(), fallback));
    boolean descending = listing.sortBy() == null || !sorts.containsKey(listing.sortBy()) || listing.descending();
    TypedQuery<T> rows = em.createQuery("SELECT " + alias() + " FROM " + from + where + " ORDER BY " + sort
        + (descending ? " DESC" : " ASC") + ", " + tieBreak, type);
    TypedQuery<Long> count = em.createQuery("SELECT COUNT(" + alias() + ") FROM " + from + where, Long.class);
    parameters.forEach((k, v) -> {
      rows.setParameter(k, v);
      count.setParameter(k, v);
    });
    return Page.of(rows.setFirstResult(listing.page().offset()).setMaxResults(listing.page().size()).getResultList(),
        listing.page(), count.getSingleResult());
  }

  /** The constant of {@code type} a filter names (any case), or a 400 naming the filter. */
  public static <E extends Enum<E>> E constant(Class<E> type, String filter, String text) {
    try {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new org.dropcart.platform.domain.InvalidInputException(filter, "must be one of "
          + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  private String alias() {
    return from.substring(from.lastIndexOf(' ') + 1);
  }
}
