package org.dropcart.group.interfaces.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.dropcart.group.application.Grouping;
import org.dropcart.group.domain.PendingFile;

/**
 * Reads pending files a page at a time, in pool, timestamp and name order, each page after the last
 * file read. A page holds only files still pending, so after a crash a new run starts from the
 * beginning and meets exactly the files the committed chunks did not place: the reader needs no
 * checkpoint.
 */
@Dependent
@Named("PendingFileReader")
public class PendingFileReader extends AbstractItemReader {
  @Inject private Grouping grouping;

  @Inject
  @BatchProperty(name = "page")
  private String page;

  private final Deque<PendingFile> buffer = new ArrayDeque<>();
  private PendingFile last;
  private boolean exhausted;

  @Override
  public Object readItem() {
    if (buffer.isEmpty() && !exhausted) {
      int size = pageSize();
      List<PendingFile> next = grouping.pending(last, size);
      buffer.addAll(next);
      exhausted = next.size() < size;
    }
    PendingFile item = buffer.poll();
    if (item != null) {
      last = item;
    }
    return item;
  }

  private int pageSize() {
    int size = page == null || page.isBlank() ? 5000 : Integer.parseInt(page.trim());
    if (size < 1) {
      throw new IllegalArgumentException("chunk must be 1 or more");
    }
    return size;
  }
}
