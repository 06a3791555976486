package org.dropcart.cart.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Space for carts on the volume. Before a cart is staged its bytes are reserved: when they do not
 * fit, ready carts are purged least recently used first (never one used within the LRU buffer
 * time) until they do; if they still do not, the cart fails with "Not enough space to download
 * file". Without {@code dropcart.carts.capacity} what fits is what the volume has free; with it,
 * the capacity less every other cart's reservation. One reservation or purge at a time per node.
 */
@ApplicationScoped
public class CartSpace {
  private static final Logger LOG = Logger.getLogger(CartSpace.class.getName());
  public static final String NOT_ENOUGH_SPACE = "Not enough space to download file";

  @Inject private Carts carts;
  @Inject private CartVolume volume;
  @Inject private CartSettings settings;

  /** The bytes a cart holds while it is worked on: its files, and for a pre-bundled cart its tar too. */
  public static long needed(long totalBytes, int files, boolean bundle) {
    // A tar entry costs a header record, perhaps a PAX header (two records), and padding.
    return bundle ? 2 * totalBytes + 2048L * files + 10240 : totalBytes;
  }

  /** Reserves the bytes for the cart, purging others if need be. */
  public synchronized void reserve(String cartId, long totalBytes, long reservedBytes) throws CartFileException {
    while (reservedBytes > free(cartId)) {
      if (carts.purgeOldest(cartId).isEmpty()) {
        throw new CartFileException(NOT_ENOUGH_SPACE);
      }
    }
    carts.reserve(cartId, totalBytes, reservedBytes);
  }

  /**
   * The lru-purge job's work: purges least recently used carts while carts hold more than the
   * high-water mark of the capacity (the volume's size without a capacity). Returns the number purged.
   */
  public synchronized int purgeToHighWater() {
    int purged = 0;
    while (used() > highWaterBytes()) {
      if (carts.purgeOldest(null).isEmpty()) {
        LOG.log(Level.WARNING, "The cart volume is above its high-water mark and no cart may be purged");
        break;
      }
      purged++;
    }
    return purged;
  }

  private long free(String exceptId) {
    OptionalLong capacity = settings.capacity();
    return capacity.isPresent() ? capacity.getAsLong() - carts.reservedBytes(exceptId) : volume.usableSpace();
  }

  private long used() {
    OptionalLong capacity = settings.capacity();
    return capacity.isPresent() ? carts.reservedBytes(null) : volume.totalSpace() - volume.usableSpace();
  }

  private long highWaterBytes() {
    long capacity = settings.capacity().orElseGet(volume::totalSpace);
    return capacity / 100 * settings.highWaterPercent();
  }
}
