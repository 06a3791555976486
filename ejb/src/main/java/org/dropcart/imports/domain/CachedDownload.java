package org.dropcart.imports.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** A download kept on the volume for its URL, with the validators to ask whether it is still current. */
@Entity
@Table(name = "import_cache")
public class CachedDownload {
  @Id
  @Column(name = "url_hash", length = 64)
  private String urlHash;

  @Column(name = "url", nullable = false, length = 2048)
  private String url;

  @Column(name = "size", nullable = false)
  private long size;

  @Column(name = "etag", length = 512)
  private String etag;

  @Column(name = "last_modified", length = 64)
  private String lastModified;

  @Column(name = "fetched_at", nullable = false)
  private Instant fetchedAt;

  protected CachedDownload() {}

  public CachedDownload(String urlHash, String url) {
    this.urlHash = urlHash;
    this.url = url;
  }

  public void fetched(long size, String etag, String lastModified, Instant now) {
    this.size = size;
    this.etag = clip(etag, 512);
    this.lastModified = clip(lastModified, 64);
    this.fetchedAt = now;
  }

  /** Revalidated: the server says the copy is current. */
  public void confirmed(Instant now) {
    this.fetchedAt = now;
  }

  public boolean freshAt(Instant now, Duration ttl) {
    return fetchedAt != null && fetchedAt.plus(ttl).isAfter(now);
  }

  public boolean revalidatable() {
    return etag != null || lastModified != null;
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : null;
  }

  public String urlHash() {
    return urlHash;
  }

  public long size() {
    return size;
  }

  public String etag() {
    return etag;
  }

  public String lastModified() {
    return lastModified;
  }
}
