package org.dropcart.cart.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dropcart.cart.domain.CartFile;
import org.dropcart.cart.domain.CartStatus;
import org.dropcart.cart.domain.HashType;
import org.dropcart.platform.domain.Failures;

/**
 * Stages a cart: asks the source for every file (its size), reserves the space, fetches the files
 * onto the volume at most {@code dropcart.carts.fetch-threads} at a time, verifying each size and hash, and
 * hands a pre-bundled cart to the {@code cart-bundle} job. The first file that cannot be had puts
 * the cart in error with a message naming it. Runs outside any transaction: each status change is
 * a short one of {@link Carts}. A cart deleted meanwhile stops at the next file.
 */
@ApplicationScoped
public class CartStaging {
  private static final Logger LOG = Logger.getLogger(CartStaging.class.getName());

  @Inject private Carts carts;
  @Inject private Instance<CartSource> sources;
  @Inject private CartVolume volume;
  @Inject private CartSpace space;
  @Inject private CartSettings settings;
  @Inject private CartBundles bundles;

  private final Set<String> inProgress = ConcurrentHashMap.newKeySet();

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  private ManagedThreadFactory threads;

  /** The cart was deleted while it was worked on. */
  private static final class Gone extends Exception {
    private static final long serialVersionUID = 1L;
  }

  /** Stages the cart, unless it is not waiting or staging, or this node stages it already. */
  public void stage(String cartId) {
    if (!inProgress.add(cartId)) {
      LOG.log(Level.FINE, "Cart {0} is being staged already", cartId);
      return;
    }
    try {
      CartWork work = carts.startStaging(cartId).orElse(null);
      if (work != null) {
        stage(work);
      }
    } finally {
      inProgress.remove(cartId);
    }
  }

  private void stage(CartWork work) {
    String cartId = work.cartId();
    CartSource source = sources.get();
    try {
      List<Long> sizes = inParallel(work, f -> withAttempts(work, f, () -> source.prepare(f, work.owner())));
      long total = sizes.stream().mapToLong(Long::longValue).sum();
      space.reserve(cartId, total, CartSpace.needed(total, work.files().size(), work.bundle()));
      Map<CartFile, Long> announced = new IdentityHashMap<>();
      for (int i = 0; i < sizes.size(); i++) {
        announced.put(work.files().get(i), sizes.get(i));
      }
      inParallel(work, f -> withAttempts(work, f, () -> fetch(work, f, source, announced.get(f))));
      if (carts.staged(cartId).orElse(null) == CartStatus.BUNDLING) {
        bundles.start(cartId);
      } else if (!carts.exists(cartId)) {
        volume.delete(cartId);
      }
    } catch (CartFileException e) {
      carts.fail(cartId, e.getMessage());
    } catch (Gone gone) {
      LOG.log(Level.INFO, "Cart {0} was deleted while it was staged", work.uid());
      volume.delete(cartId);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Staging cart " + work.uid() + " (" + cartId + ") failed", e);
      carts.fail(cartId, "Staging the cart failed on the server: " + Failures.describe(e));
    }
  }

  private long fetch(CartWork work, CartFile file, CartSource source, long announced)
      throws CartFileException, IOException {
    Path target = volume.staged(work.cartId(), file.path());
    Files.createDirectories(target.getParent());
    Path partial = target.resolveSibling("." + UUID.randomUUID() + ".fetch");
    HashType type = file.hashType().orElse(null);
    MessageDigest digest = type == null ? null : type.newDigest();
    long size;
    try (InputStream in = source.open(file, work.owner());
        FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      OutputStream out = Channels.newOutputStream(channel);
      size = in.transferTo(digest == null ? out : new DigestOutputStream(out, digest));
      channel.force(false);
    } catch (IOException | CartFileException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    if (size != announced) {
      Files.deleteIfExists(partial);
      throw new IOException("got " + size + " bytes where " + announced + " were announced");
    }
    if (digest != null) {
      String actual = HexFormat.of().formatHex(digest.digest());
      if (!actual.equals(file.hashSum())) {
        Files.deleteIfExists(partial);
        throw new CartFileException(failed(file, "File hash does not match provided hash ("
            + type.name().toLowerCase(java.util.Locale.ROOT) + " " + actual + ", expected " + file.hashSum() + ")"));
      }
    }
    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return size;
  }

  /** cartd's wording for a file that could not be had, naming the file. */
  public static String failed(CartFile file, String why) {
    return "Failed to pull file(" + file.sourceId() + ": " + why + ")";
  }

  @FunctionalInterface
  private interface Attempt<T> {
    T run() throws CartFileException, IOException;
  }

  @FunctionalInterface
  private interface PerFile<T> {
    T apply(CartFile file) throws CartFileException, Gone;
  }

  /** Runs an attempt at the file again after an I/O failure, unless the cart is gone meanwhile. */
  private <T> T withAttempts(CartWork work, CartFile file, Attempt<T> attempt) throws CartFileException, Gone {
    int attempts = settings.archiveAttempts();
    for (int i = 1; ; i++) {
      try {
        return attempt.run();
      } catch (IOException e) {
        if (!carts.exists(work.cartId())) {
          throw new Gone();
        }
        if (i >= attempts) {
          throw new CartFileException(failed(file, "failed " + attempts + " attempts, the last with: " + Failures.describe(e)), e);
        }
        LOG.log(Level.INFO, "Attempt {0} at file {1} failed, trying again: {2}",
            new Object[] {i, file.sourceId(), Failures.describe(e)});
        try {
          Thread.sleep(200L * i);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new CartFileException(failed(file, "interrupted"), interrupted);
        }
      }
    }
  }

  /** Applies {@code task} to every file, a bounded number at a time; the first failure wins and stops the rest. */
  private <T> List<T> inParallel(CartWork work, PerFile<T> task) throws CartFileException, Gone {
    ExecutorService pool = Executors.newFixedThreadPool(
        Math.min(settings.fetchThreads(), Math.max(1, work.files().size())), threads);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (CartFile f : work.files()) {
        futures.add(pool.submit(() -> {
          if (!carts.exists(work.cartId())) {
            throw new Gone();
          }
          return task.apply(f);
        }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        try {
          results.add(future.get());
        } catch (ExecutionException e) {
          futures.forEach(other -> other.cancel(true));
          if (e.getCause() instanceof CartFileException c) {
            throw c;
          }
          if (e.getCause() instanceof Gone g) {
            throw g;
          }
          throw new IllegalStateException("Staging cart " + work.uid() + " failed", e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while staging cart " + work.uid(), e);
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

}
