package org.dropcart.platform.domain;

import java.util.List;
import java.util.function.Function;

/** One slice of a longer list, with the total so a client can page through it. */
public record Page<T>(List<T> items, int page, int size, long total) {
  public Page {
    items = List.copyOf(items);
  }

  public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
    return new Page<>(items, request.page(), request.size(), total);
  }

  /** The requested slice of a whole list already filtered and ordered in memory. */
  public static <T> Page<T> slice(List<T> all, PageRequest request) {
    int from = (int) Math.min(all.size(), (long) request.offset());
    int to = (int) Math.min(all.size(), (long) from + request.size());
    return of(all.subList(from, to), request, all.size());
  }

  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    return new Page<>(items.stream().<R>map(mapper).toList(), page, size, total);
  }
}
