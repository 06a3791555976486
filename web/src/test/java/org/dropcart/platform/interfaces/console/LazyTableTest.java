package org.dropcart.platform.interfaces.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.dropcart.platform.domain.Listing;
import org.dropcart.platform.domain.Page;
import org.junit.jupiter.api.Test;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

class LazyTableTest {

  /** A page bean as the console has them: its table lists through one of its own methods. */
  static final class NamesPage implements Serializable {
    private static final long serialVersionUID = 1L;
    private final List<String> names = List.of("carol", "alice", "bob");
    final LazyTable<String> table = new LazyTable<>(this::rows, name -> name);

    private Page<String> rows(Listing listing) {
      List<String> sorted = names.stream().sorted(listing.descending()
          ? java.util.Comparator.<String>reverseOrder() : java.util.Comparator.<String>naturalOrder()).toList();
      return Page.slice(sorted, listing.page());
    }
  }

  @Test
  void aPageThatTravelsWithItsSessionStillListsItsRows() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new NamesPage());
    }
    NamesPage back;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = (NamesPage) in.readObject();
    }

    SortMeta byName = SortMeta.builder().field("name").order(SortOrder.DESCENDING).build();
    assertThat(back.table.load(0, 2, Map.of("name", byName), Map.of())).containsExactly("carol", "bob");
    assertThat(back.table.getRowCount()).isEqualTo(3);
    assertThat(back.table.getRowKey("alice")).isEqualTo("alice");
  }
}
