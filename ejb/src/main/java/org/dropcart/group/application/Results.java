package org.dropcart.group.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  /** The client name, owner and uploader name of what a processor sends. */
  public static final String PROCESSOR = "processor";

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
    requireCallback(groupId, token);
    FileGroup group = groups.inPool(poolId, groupId);
    if (replace && (caller == null || !caller.admin())) {
      throw new ForbiddenException("forbidden", "Only an admin replaces a result");
    }
    return store(group, replace, name, contentType, content);
  }

  /**
   * Who a callback token speaks for, for a result sent as a tus upload: the group's processor, a
   * caller whose id is the group's id (so the upload belongs to the group and to nobody else).
   */
  public Caller processorOf(String groupId, String token) {
    requireCallback(groupId, token);
    groups.require(groupId);
    return new Caller(groupId, PROCESSOR, false);
  }

  /**
   * The pool a result upload for {@code groupId} goes into, once it is sure the caller is that
   * group's processor ({@link #processorOf}) and the group still takes a result.
   */
  public String requireResultUpload(String groupId, Caller caller) {
    if (caller == null || !caller.userId().equals(groupId) || !PROCESSOR.equals(caller.username())) {
      throw new ForbiddenException("callback-token-required",
          "A result upload is made with the group's callback token (resultUploadUrl of the manifest)");
    }
    FileGroup group = groups.require(groupId);
    group.requireResultAllowed(false);
    return group.poolId();
  }

  /**
   * Takes a result that arrived as a complete tus upload; empty when the group got a result by
   * another way meanwhile (the upload is then refused with {@link #REFUSED_DONE}).
   */
  public Optional<ResultView> acceptUpload(String groupId, String name, String contentType, InputStream content)
      throws IOException {
    FileGroup group = groups.require(groupId);
    if (group.status() == GroupStatus.DONE) {
      return Optional.empty();
    }
    return Optional.of(store(group, false, name, contentType, content));
  }

  /** Why a result upload was not taken when its group was done by the time it completed. */
  public static final String REFUSED_DONE = "group-done: the group already had its result when this upload completed";

  private ResultView store(FileGroup group, boolean replace, String name, String contentType, InputStream content)
      throws IOException {
    // The dispatcher may be marking the group DISPATCHED this very moment (a processor that answers
    // at once): read it afresh, locked, so that the two writes follow each other.
    groups.lockFresh(group);
    group.requireResultAllowed(replace);
    Instant now = clock.instant();
    String groupId = group.id();
    String fileName = "result-" + groupId + (group.resultFile() == null ? "" : "-" + now.toEpochMilli());
    String shown = name == null || name.isBlank() ? "result-" + group.windowStart() + ".bin" : name;
    StoredFile stored = files.store(new NewFile(fileName, fileName, group.poolId(), PROCESSOR, PROCESSOR, null,
        Map.of("filename", shown, "groupId", groupId, "role", "result"), now, contentType), content);
    files.makeDurable();
    group.done(stored.fileName(), replace, now);
    ResultView result = view(group, stored);
    LOG.log(Level.INFO, "Group {0} of pool {1} is DONE: result {2} ({3} bytes)",
        new Object[] {groupId, group.poolId(), stored.fileName(), stored.size()});
    deliveries.share(group, stored);
    return result;
  }

  private void requireCallback(String groupId, String token) {
    switch (links.checkCallback(groupId, token)) {
      case VALID -> { }
      case EXPIRED -> throw new UnauthorizedException("callback-expired", "This callback URL has expired");
      case INVALID -> throw new UnauthorizedException("bad-callback-token", "The callback token is not valid for this group");
    }
  }

  /** A pool's results, newest window first (members and admins). */
  public Page<ResultView> ofPool(String poolId, Caller caller, PageRequest page) {
    pools.requireAccess(poolId, caller);
    List<FileGroup> done = groups.ofPool(poolId, GroupStatus.DONE, page.offset(), page.size());
    // One index query for the page's result files. A result deleted since (an admin may delete any
    // stored file) has nothing left to download: its group is left out rather than failing the page.
    Map<String, StoredFile> results = files.entries(done.stream().map(FileGroup::resultFile).toList());
    return Page.of(done.stream().filter(g -> results.containsKey(g.resultFile()))
        .map(g -> view(g, results.get(g.resultFile()))).toList(), page,
        groups.countOfPool(poolId, GroupStatus.DONE));
  }

  private static ResultView view(FileGroup g, StoredFile f) {
    return new ResultView(g.id(), g.poolId(), g.windowStart(), g.windowEnd(), f.fileName(), f.displayName(),
        f.size(), f.sha256(), FileView.downloadPath(f.fileName()), g.doneAt());
  }
}
