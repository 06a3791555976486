package org.dropcart.cart.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code cart-bundle} job's work for one cart: its staged files become {@code bundle.tar}
 * (entries {@code {uid}/{path}}, as cartd names them), then the cart is ready. The tar is written
 * under a temporary name, forced to disk and renamed into place, so a crash at any point leaves
 * either no tar or a whole one; a cart still {@code bundling} after a restart is simply bundled
 * again. The staged files are deleted once the cart is ready. A cart deleted while it is bundled
 * stops at the next look (about every {@link CartTar#ASK_EVERY} bytes) and its files are removed.
 */
@ApplicationScoped
public class CartBundling {
  private static final Logger LOG = Logger.getLogger(CartBundling.class.getName());

  @Inject private Carts carts;
  @Inject private CartVolume volume;

  private final Set<String> inProgress = ConcurrentHashMap.newKeySet();

  /** What came of one cart's bundling, for the job's exit status. */
  public enum Outcome { BUNDLED, NOT_BUNDLING, BUSY, GONE, FAILED }

  /** Bundles every cart left in {@code bundling} (after a restart). */
  public int bundleAll() {
    int n = 0;
    for (String id : carts.unfinished(org.dropcart.cart.domain.CartStatus.BUNDLING)) {
      if (bundle(id) == Outcome.BUNDLED) {
        n++;
      }
    }
    return n;
  }

  public Outcome bundle(String cartId) {
    CartWork work = carts.bundling(cartId).orElse(null);
    if (work == null) {
      return Outcome.NOT_BUNDLING;
    }
    if (!inProgress.add(cartId)) {
      return Outcome.BUSY;
    }
    try {
      Path tar = volume.bundle(cartId);
      if (!Files.isDirectory(volume.staged(cartId)) && Files.isRegularFile(tar)) {
        return finish(work, tar);
      }
      long start = System.nanoTime();
      long copied;
      Path partial = volume.partialBundle(cartId);
      List<CartTar.Member> members = work.files().stream()
          .map(f -> new CartTar.Member(work.uid() + "/" + f.path().value(), volume.staged(cartId, f.path())))
          .toList();
      try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        // Deleted meanwhile: stop at the next look (about every 64 MiB), not after the whole tar.
        if (!CartTar.write(members, channel, () -> carts.exists(cartId))) {
          volume.delete(cartId);
          LOG.log(Level.INFO, "Cart {0} was deleted while it was bundled", work.uid());
          return Outcome.GONE;
        }
        copied = System.nanoTime();
        channel.force(false); // the bytes and the size: what reading the tar back needs
      }
      long written = System.nanoTime();
      Files.move(partial, tar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      forceDirectory(tar.getParent());
      long bytes = Files.size(tar);
      Outcome outcome = finish(work, tar);
      // The tar holds the files now. Freeing the staged copies comes after the cart is ready: it is
      // not part of making the tar, and unlinking a thousand files can take seconds on a volume
      // mounted with online discard. A crash in between leaves them to CartRecovery.
      if (outcome == Outcome.BUNDLED) {
        volume.deleteStaged(cartId);
      }
      LOG.log(Level.INFO, "Bundled cart {0}: {1} files, {2} bytes of tar written in {3} ms and forced in {4} ms, "
          + "ready in {5} ms", new Object[] {work.uid(), String.valueOf(members.size()), String.valueOf(bytes),
              String.valueOf((copied - start) / 1_000_000), String.valueOf((written - copied) / 1_000_000),
              String.valueOf((System.nanoTime() - start) / 1_000_000)});
      return outcome;
    } catch (IOException e) {
      if (!carts.exists(cartId)) {
        volume.delete(cartId);
        return Outcome.GONE;
      }
      LOG.log(Level.WARNING, "Bundling cart " + work.uid() + " (" + cartId + ") failed", e);
      carts.fail(cartId, "Failed to bundle the cart: " + e.getMessage());
      return Outcome.FAILED;
    } finally {
      inProgress.remove(cartId);
    }
  }

  private Outcome finish(CartWork work, Path tar) throws IOException {
    if (carts.bundled(work.cartId(), Files.size(tar))) {
      return Outcome.BUNDLED;
    }
    volume.delete(work.cartId());
    return Outcome.GONE;
  }

  /** Makes a rename durable: the directory entry itself is forced to disk (Linux allows this). */
  private static void forceDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException notSupported) {
      LOG.log(Level.FINE, "Cannot force directory {0}: {1}", new Object[] {dir, notSupported.getMessage()});
    }
  }
}
