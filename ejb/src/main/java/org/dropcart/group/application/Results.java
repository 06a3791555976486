package org.dropcart.group.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.file.application.FileCatalog;
import org.dropcart.file.application.FileView;
import org.dropcart.file.application.NewFile;
import org.dropcart.file.domain.StoredFile;
import org.dropcart.group.domain.FileGroup;
import org.dropcart.group.domain.GroupRepository;
import org.dropcart.group.domain.GroupStatus;
import org.dropcart.platform.application.Caller;
import org.dropcart.platform.domain.ForbiddenException;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.domain.PageRequest;
import org.dropcart.platform.domain.UnauthorizedException;
import org.dropcart.pool.application.PoolService;

/**
 * The processor's one result per group: it arrives on the callback URL of the manifest (the URL's
 * token is its only credential), is stored like any file of the pool, makes the group {@code
 * DONE}, and it is owed to every member of the pool ({@link Deliveries}).
 */
@Stateless
public class Results {
  private static final Logger LOG = Logger.getLogger(Results.class.getName());
  static final String PROCESSOR = "processor";

  @Inject private GroupRepository groups;
  @Inject private GroupLinks links;
  @Inject private FileCatalog files;
  @Inject private PoolService pools;
  @Inject private Deliveries deliveries;
  @Inject private Clock clock;

  /**
   * Takes a result. {@code replace} (a second result for a done group) needs an admin's token
   * besides the callback token.
   */
  public ResultView accept(String poolId, String groupId, String token, boolean replace, Caller caller,
      String name, String contentType, InputStream content) throws IOException {
    switch (links.checkCallback(groupId, token)) {
      case VALID -> { }
      case EXPIRED -> throw new UnauthorizedException("callback-expired", "This callback URL has expired");
      case INVALID -> throw new UnauthorizedException("bad-callback-token", "The callback token is not valid for this group");
    }
    FileGroup group = groups.inPool(poolId, groupId);
    if (replace && (caller == null || !caller.admin())) {
      throw new ForbiddenException("forbidden", "Only an admin replaces a result");
    }
    group.requireResultAllowed(replace);
    Instant now = clock.instant();
    String fileName = "result-" + groupId + (group.resultFile() == null ? "" : "-" + now.toEpochMilli());
    String shown = name == null || name.isBlank() ? "result-" + group.windowStart() + ".bin" : name;
    StoredFile stored = files.store(new NewFile(fileName, fileName, poolId, PROCESSOR, PROCESSOR, null,
        Map.of("filename", shown, "groupId", groupId, "role", "result"), now, contentType), content);
    files.makeDurable();
    group.done(stored.fileName(), replace, now);
    ResultView result = view(group, stored);
    LOG.log(Level.INFO, "Group {0} of pool {1} is DONE: result {2} ({3} bytes)",
        new Object[] {groupId, poolId, stored.fileName(), stored.size()});
    deliveries.share(group, stored);
    return result;
  }

  /** A pool's results, newest window first (members and admins). */
  public Page<ResultView> ofPool(String poolId, Caller caller, PageRequest page) {
    pools.requireAccess(poolId, caller);
    List<FileGroup> done = groups.ofPool(poolId, GroupStatus.DONE, page.offset(), page.size());
    return Page.of(done.stream().map(g -> view(g, files.entry(g.resultFile()).orElseThrow())).toList(), page,
        groups.countOfPool(poolId, GroupStatus.DONE));
  }

  private static ResultView view(FileGroup g, StoredFile f) {
    return new ResultView(g.id(), g.poolId(), g.windowStart(), g.windowEnd(), f.fileName(), f.displayName(),
        f.size(), f.sha256(), FileView.downloadPath(f.fileName()), g.doneAt());
  }
}
