package org.dropcart.group.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;
import org.dropcart.file.application.FilePlace;
import org.dropcart.file.application.FilePlaces;
import org.dropcart.group.application.Grouping;

/** The file context's view of grouping, answered by the grouping context. */
@ApplicationScoped
public class GroupingFilePlaces implements FilePlaces {
  @Inject private Grouping grouping;

  @Override
  public Map<String, FilePlace> of(Collection<String> fileNames) {
    return fileNames.isEmpty() ? Map.of() : grouping.placesOf(fileNames);
  }

  @Override
  public void release(String fileName) {
    grouping.release(fileName);
  }
}
