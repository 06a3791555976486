package org.dropcart.imports.domain;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** Git repositories for imports: cloned into a scratch directory, their tree read at a ref. */
public interface GitRepositories {
  /** Clones {@code repository} (every ref, no working tree) into {@code into}. */
  void cloneInto(URI repository, Path into, Unpacker.Progress progress) throws IOException, ImportRefused;

  /**
   * Hands every regular file of the tree at {@code ref} (branch, tag or commit; null: the
   * default branch) to {@code sink} (null: check only), with the ref's commit time as its time;
   * the same rules as an archive's (links must stay inside, the limits hold).
   */
  Unpacker.Contents walk(Path clone, String ref, UnpackLimits limits, Unpacker.Sink sink)
      throws IOException, ImportRefused;
}
