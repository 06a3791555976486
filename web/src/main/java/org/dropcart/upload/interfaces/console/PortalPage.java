package org.dropcart.upload.interfaces.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.dropcart.file.application.FileCatalog;
import org.dropcart.file.application.FileView;
import org.dropcart.group.application.ResultView;
import org.dropcart.group.application.Results;
import org.dropcart.identity.interfaces.console.WebSession;
import org.dropcart.platform.domain.PageRequest;
import org.dropcart.platform.interfaces.console.LazyTable;
import org.dropcart.pool.application.PoolService;
import org.dropcart.pool.application.PoolView;

/**
 * The portal page: the pools the signed-in person belongs to, one of them chosen, their own files
 * in it (stored, refused or failed, with the reason) and the pool's results. The upload itself is
 * the page's script (tus to /api/upload/ with the session's token); this bean only reads, through
 * the same application services as the API, which check membership on every call.
 */
@Named
@ViewScoped
public class PortalPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private PoolService pools;
  @Inject private FileCatalog files;
  @Inject private Results results;
  @Inject private WebSession session;

  private List<PoolView> memberOf;
  private String poolId;
  private String clientId;
  private LazyTable<FileView> history;
  private LazyTable<ResultView> poolResults;

  @PostConstruct
  void init() {
    memberOf = pools.memberOf(session.caller(), new PageRequest(0, PageRequest.MAX_SIZE)).items();
    choose(memberOf.isEmpty() ? null : memberOf.get(0).id());
    history = new LazyTable<>(l -> files.history(clientId, session.caller(), l.page()), FileView::fileName);
    poolResults = new LazyTable<>(l -> results.ofPool(poolId, session.caller(), l.page()), ResultView::groupId);
  }

  /** Ajax: another pool was picked; only one of the person's own pools is taken. */
  public void poolChosen() {
    choose(memberOf.stream().anyMatch(p -> p.id().equals(poolId)) ? poolId : null);
  }

  private void choose(String id) {
    poolId = id == null && !memberOf.isEmpty() ? memberOf.get(0).id() : id;
    clientId = poolId == null ? null : pools.requireMember(poolId, session.caller()).clientId();
  }

  public List<PoolView> getPools() {
    return memberOf;
  }

  public boolean isInAnyPool() {
    return !memberOf.isEmpty();
  }

  public String getPoolId() {
    return poolId;
  }

  public void setPoolId(String poolId) {
    this.poolId = poolId;
  }

  public String getPoolName() {
    return memberOf.stream().filter(p -> p.id().equals(poolId)).map(PoolView::name).findFirst().orElse("");
  }

  public String getUsername() {
    return session.getUsername();
  }

  public LazyTable<FileView> getHistory() {
    return history;
  }

  public LazyTable<ResultView> getResults() {
    return poolResults;
  }

  /** What became of a file, in words: stored (and where in grouping), refused or failed with the reason. */
  public String status(FileView f) {
    return switch (f.activity()) {
      case "STORED" -> f.groupId() != null ? "stored, in group " + f.groupId()
          : f.grouping() == null ? "stored" : "stored, " + f.grouping();
      case "REJECTED" -> "refused" + (f.reason() == null ? "" : ": " + f.reason());
      case "FAILED" -> "failed" + (f.reason() == null ? "" : ": " + f.reason());
      default -> f.activity().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
