package org.dropcart.group.interfaces.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.dropcart.group.application.Dispatcher;
import org.dropcart.group.application.GroupDetail;
import org.dropcart.group.application.GroupView;
import org.dropcart.group.application.Grouping;
import org.dropcart.group.domain.GroupStatus;
import org.dropcart.identity.interfaces.console.WebSession;
import org.dropcart.platform.domain.PageRequest;
import org.dropcart.platform.interfaces.console.LazyTable;
import org.dropcart.platform.interfaces.console.Messages;

/**
 * The console's groups page: every pool's timestamp groups, sorted and filtered by status and
 * pool; an admin opens a group (its files and result) and dispatches a sealed, dispatched or
 * failed group to its pool's processor now, as the API's dispatch does.
 */
@Named
@ViewScoped
public class GroupsPage implements Serializable {
  private static final long serialVersionUID = 1L;
  /** How many of a group's files the detail shows. */
  public static final int DETAIL_FILES = 100;

  @Inject private Grouping grouping;
  @Inject private Dispatcher dispatcher;
  @Inject private WebSession session;

  private final LazyTable<GroupView> table = new LazyTable<>(l -> grouping.list(l, session.caller()), GroupView::id);
  private GroupDetail detail;

  public LazyTable<GroupView> getTable() {
    return table;
  }

  public List<String> getStatuses() {
    return Arrays.stream(GroupStatus.values()).map(Enum::name).toList();
  }

  /** Whether an admin may send the group now: sealed, dispatched before, or failed. */
  public boolean dispatchable(GroupView group) {
    return !group.status().equals(GroupStatus.OPEN.name()) && !group.status().equals(GroupStatus.DONE.name());
  }

  public void open(String poolId, String groupId) {
    Messages.attempt(() -> {
      detail = grouping.group(poolId, groupId, session.caller(), new PageRequest(0, DETAIL_FILES));
      return null;
    });
  }

  /** Dispatches the group named in the request (by id, not by row: rows may shift under a click). */
  public void dispatch(String poolId, String groupId) {
    Messages.attempt(() -> {
      GroupView queued = dispatcher.dispatch(poolId, groupId, session.caller());
      if (detail != null && detail.group().id().equals(groupId)) {
        open(poolId, groupId);
      }
      return "Group " + queued.id() + " queued for its processor.";
    });
  }

  public GroupDetail getDetail() {
    return detail;
  }
}
