package org.dropcart.imports.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.dropcart.imports.domain.EntryPath;
import org.dropcart.imports.domain.GitRepositories;
import org.dropcart.imports.domain.ImportRefused;
import org.dropcart.imports.domain.UnpackLimits;
import org.dropcart.imports.domain.Unpacker;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** {@link GitRepositories} on JGit: a bare clone, then the tree read object by object (no checkout). */
@ApplicationScoped
public class JGitRepositories implements GitRepositories {
  @Override
  public void cloneInto(URI repository, Path into, Unpacker.Progress progress) throws IOException, ImportRefused {
    try (Git ignored = Git.cloneRepository().setURI(repository.toString()).setDirectory(into.toFile()).setBare(true)
        .setCloneAllBranches(true).setProgressMonitor(new Cancellable(progress)).call()) {
      // cloned
    } catch (GitAPIException | org.eclipse.jgit.api.errors.JGitInternalException e) {
      progress.check(); // a cancellation stopped it: say so
      throw new ImportRefused("the repository could not be cloned: " + e.getMessage());
    }
  }

  @Override
  public Unpacker.Contents walk(Path clone, String ref, UnpackLimits limits, Unpacker.Sink sink)
      throws IOException, ImportRefused {
    try (Git git = Git.open(clone.toFile()); RevWalk commits = new RevWalk(git.getRepository())) {
      Repository repo = git.getRepository();
      String wanted = ref == null || ref.isBlank() ? Constants.HEAD : ref;
      ObjectId id = repo.resolve(wanted + "^{commit}");
      if (id == null) {
        throw new ImportRefused("the repository has no branch, tag or commit '" + wanted + "'");
      }
      RevCommit commit = commits.parseCommit(id);
      Instant time = Instant.ofEpochSecond(commit.getCommitTime());
      int files = 0;
      long bytes = 0;
      try (TreeWalk tree = new TreeWalk(repo)) {
        tree.addTree(commit.getTree());
        tree.setRecursive(true);
        while (tree.next()) {
          String path = EntryPath.of(tree.getPathString());
          FileMode mode = tree.getFileMode(0);
          if (mode == FileMode.SYMLINK) {
            String target = new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            EntryPath.requireLinkInside(path, target);
            continue;
          }
          if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
            continue; // submodules
          }
          limits.checkEntries(++files);
          ObjectLoader blob = repo.open(tree.getObjectId(0), Constants.OBJ_BLOB);
          bytes += blob.getSize();
          limits.checkBytes(bytes);
          if (sink != null) {
            try (InputStream in = blob.openStream()) {
              sink.accept(new Unpacker.Entry(path, blob.getSize(), time, in));
            }
          }
        }
      }
      return new Unpacker.Contents("git " + commit.getName(), files, bytes);
    }
  }

  private static final class Cancellable implements ProgressMonitor {
    private final Unpacker.Progress progress;
    private boolean cancelled;

    Cancellable(Unpacker.Progress progress) {
      this.progress = progress;
    }

    @Override
    public void start(int totalTasks) {}

    @Override
    public void beginTask(String title, int totalWork) {}

    @Override
    public void update(int completed) {}

    @Override
    public void endTask() {}

    @Override
    public boolean isCancelled() {
      if (!cancelled) {
        try {
          progress.check();
        } catch (ImportRefused e) {
          cancelled = true;
        }
      }
      return cancelled;
    }

    @Override
    public void showDuration(boolean enabled) {}
  }
}
