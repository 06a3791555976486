package org.dropcart.platform.interfaces.console;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.dropcart.platform.domain.Listing;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.domain.PageRequest;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A PrimeFaces lazy table over any paged list of the application: the table's page, sort and
 * filters become a {@link Listing}, and only the rows shown are fetched. Every console table is
 * one of these, given the application call that lists its rows and the key that names a row.
 */
public class LazyTable<T> extends LazyDataModel<T> {
  private static final long serialVersionUID = 1L;

  /** The application call that lists a page of rows; serializable with the page that owns it. */
  @FunctionalInterface
  public interface Rows<T> extends Function<Listing, Page<T>>, Serializable {}

  /** The key that names a row. */
  @FunctionalInterface
  public interface Key<T> extends Function<T, String>, Serializable {}

  // Serializable, not transient: a view-scoped page travels with its session (passivation, a
  // replicated session on another node) and must still list its rows when it comes back.
  private final Rows<T> source;
  private final Key<T> key;

  public LazyTable(Rows<T> source, Key<T> key) {
    this.source = source;
    this.key = key;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) Math.min(Integer.MAX_VALUE,
        source.apply(new Listing(new PageRequest(0, 1), null, false, filters(filterBy))).total());
  }

  @Override
  public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    int size = Math.max(1, Math.min(pageSize, PageRequest.MAX_SIZE));
    SortMeta sort = sortBy == null ? null : sortBy.values().stream().findFirst().orElse(null);
    Page<T> page =
        source.apply(
            new Listing(
                new PageRequest(first / size, size),
                sort == null || sort.getOrder() == SortOrder.UNSORTED ? null : sort.getField(),
                sort != null && sort.getOrder() == SortOrder.DESCENDING,
                filters(filterBy)));
    setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
    return page.items();
  }

  @Override
  public String getRowKey(T row) {
    return key.apply(row);
  }

  @Override
  public T getRowData(String rowKey) {
    List<T> rows = getWrappedData();
    if (rows == null) {
      return null;
    }
    return rows.stream().filter(r -> rowKey.equals(key.apply(r))).findFirst().orElse(null);
  }

  private static Map<String, String> filters(Map<String, FilterMeta> filterBy) {
    Map<String, String> filters = new LinkedHashMap<>();
    if (filterBy != null) {
      filterBy.forEach((field, meta) -> {
        if (meta.getFilterValue() != null) {
          filters.put(field, String.valueOf(meta.getFilterValue()));
        }
      });
    }
    return filters;
  }
}
