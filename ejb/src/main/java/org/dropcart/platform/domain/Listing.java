package org.dropcart.platform.domain;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a person asks of a long list in the console: a page, an order and filters by field. Field
 * names are the list's own (for example {@code username}); a repository honours those it knows
 * and maps them to its columns itself, so nothing the browser sends reaches a query as text.
 */
public record Listing(PageRequest page, String sortBy, boolean descending, Map<String, String> filters) {
  public Listing {
    filters =
        Map.copyOf(
            filters.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().trim())));
  }

  public static Listing of(PageRequest page) {
    return new Listing(page, null, false, Map.of());
  }

  /** The value to filter {@code field} by, if the person typed one. */
  public Optional<String> filter(String field) {
    return Optional.ofNullable(filters.get(field));
  }

  /**
   * Whether to order descending: as asked when the field is one of {@code allowed}; for no field
   * or one the list does not know, {@code fallbackDescending} (the list's own default order).
   */
  public boolean descendingOr(Set<String> allowed, boolean fallbackDescending) {
    return sortBy != null && allowed.contains(sortBy) ? descending : fallbackDescending;
  }

  /** The field to order by if it is one of {@code allowed}, else {@code fallback}. */
  public String sortOr(Set<String> allowed, String fallback) {
    return sortBy != null && allowed.contains(sortBy) ? sortBy : fallback;
  }
}
