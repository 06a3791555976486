package org.dropcart.group.interfaces.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dropcart.group.application.Grouping;
import org.dropcart.group.domain.PendingFile;

/**
 * Reads pending files one page per chunk (the page is the chunk's size): each page is the first
 * files still pending, which are exactly those the chunks before did not place. So the reader
 * needs no checkpoint, and a run after a crash starts where the last committed chunk ended.
 */
@Dependent
@Named("PendingFileReader")
public class PendingFileReader extends AbstractItemReader {
  @Inject private Grouping grouping;

  @Inject
  @BatchProperty(name = "page")
  private String page;

  private final Deque<PendingFile> buffer = new ArrayDeque<>();
  private Set<String> previous = Set.of();
  private boolean exhausted;

  @Override
  public Object readItem() {
    if (buffer.isEmpty() && !exhausted) {
      int size = pageSize();
      List<PendingFile> next = grouping.pending(size);
      Set<String> names = next.stream().map(PendingFile::fileName).collect(Collectors.toSet());
      if (names.stream().anyMatch(previous::contains)) {
        throw new IllegalStateException("Files of the last chunk are still pending after it was written");
      }
      previous = names;
      buffer.addAll(next);
      // A short page is the last: reading again within this chunk would return its files again.
      exhausted = next.size() < size;
    }
    return buffer.poll();
  }

  private int pageSize() {
    int size = page == null || page.isBlank() ? 1000 : Integer.parseInt(page.trim());
    if (size < 1) {
      throw new IllegalArgumentException("chunk must be 1 or more");
    }
    return size;
  }
}
