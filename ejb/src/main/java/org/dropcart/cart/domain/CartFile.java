package org.dropcart.cart.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import java.util.Optional;

/**
 * One file a cart asks for: its {@code id} at the source (a stored file's name, or an archive
 * interface id), where it goes in the cart, and the hash it must have ({@code hashSum} empty: no
 * check).
 */
@Embeddable
public class CartFile {
  @Column(name = "source_id", nullable = false, length = 1024)
  private String sourceId;

  @Column(name = "path", nullable = false, length = 4096)
  private String path;

  @Column(name = "hash_type", length = 16)
  private String hashType;

  @Column(name = "hash_sum", length = 128)
  private String hashSum;

  protected CartFile() {}

  public CartFile(String sourceId, CartPath path, HashType hashType, String hashSum) {
    this.sourceId = Objects.requireNonNull(sourceId, "A cart file has a source id.");
    this.path = Objects.requireNonNull(path, "A cart file has a path.").value();
    this.hashType = hashType == null ? null : hashType.name();
    this.hashSum = hashSum == null || hashSum.isEmpty() ? null : hashSum.toLowerCase(java.util.Locale.ROOT);
  }

  public String sourceId() {
    return sourceId;
  }

  public CartPath path() {
    return new CartPath(path);
  }

  /** The hash to verify, when the request gave one. */
  public Optional<HashType> hashType() {
    return hashSum == null ? Optional.empty() : Optional.of(HashType.valueOf(hashType));
  }

  public String hashSum() {
    return hashSum;
  }
}
