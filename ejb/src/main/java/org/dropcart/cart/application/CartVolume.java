package org.dropcart.cart.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.dropcart.cart.domain.CartPath;

/**
 * Where a cart's bytes live on the staging volume: {@code carts/{cart id}/staged/{path}} for the
 * fetched files and {@code carts/{cart id}/bundle.tar} for a pre-bundled tar (written as {@code
 * bundle.tar.part} first, so a half-written tar is never taken for a finished one).
 */
@ApplicationScoped
public class CartVolume {
  private static final Logger LOG = Logger.getLogger(CartVolume.class.getName());

  @Inject private CartSettings settings;

  public Path directory(String cartId) {
    if (!cartId.matches("[0-9a-f-]{36}")) {
      throw new IllegalArgumentException("Not a cart id: " + cartId);
    }
    return settings.root().resolve(cartId);
  }

  public Path staged(String cartId) {
    return directory(cartId).resolve("staged");
  }

  /** A staged file; {@link CartPath} cannot leave the cart, and this checks it once more. */
  public Path staged(String cartId, CartPath path) {
    Path dir = staged(cartId);
    Path file = dir.resolve(path.value()).normalize();
    if (!file.startsWith(dir)) {
      throw new IllegalArgumentException("Cart path leaves the cart: " + path);
    }
    return file;
  }

  public Path bundle(String cartId) {
    return directory(cartId).resolve("bundle.tar");
  }

  public Path partialBundle(String cartId) {
    return directory(cartId).resolve("bundle.tar.part");
  }

  /** Ids of the carts that hold both a tar and staged files (a bundling interrupted around its end). */
  public List<String> bundledWithStagedFiles() {
    if (!Files.isDirectory(settings.root())) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(settings.root())) {
      return dirs.filter(d -> d.getFileName().toString().matches("[0-9a-f-]{36}"))
          .filter(d -> Files.isRegularFile(d.resolve("bundle.tar")) && Files.isDirectory(d.resolve("staged")))
          .map(d -> d.getFileName().toString())
          .toList();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not list {0}: {1}", new Object[] {settings.root(), e.getMessage()});
      return List.of();
    }
  }

  /** Deletes the staged files (a pre-bundled cart's tar holds them now). */
  public void deleteStaged(String cartId) {
    deleteTree(staged(cartId));
  }

  /** Deletes everything the cart holds on the volume; nothing happens when there is nothing. */
  public void delete(String cartId) {
    deleteTree(directory(cartId));
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      LOG.log(Level.WARNING, "Could not delete all of {0}: {1}", new Object[] {dir, e.getMessage()});
    }
  }

  /** Bytes the volume has free for carts (what the file system says is usable). */
  public long usableSpace() {
    try {
      return store().getUsableSpace();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the free space of " + settings.root(), e);
    }
  }

  /** The size of the file system the volume is on. */
  public long totalSpace() {
    try {
      return store().getTotalSpace();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the size of " + settings.root(), e);
    }
  }

  private java.nio.file.FileStore store() throws IOException {
    return Files.getFileStore(Files.createDirectories(settings.root()));
  }
}
