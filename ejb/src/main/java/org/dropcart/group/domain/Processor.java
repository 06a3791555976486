package org.dropcart.group.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.dropcart.platform.domain.InvalidInputException;

/**
 * A pool's external processor: where its groups' manifests go ({@code url}), the secret both sides
 * sign with (HMAC-SHA256 of each manifest; the processor's key when it pulls), and the {@link
 * Trigger} that sends a group. The secret is kept as given, since signing needs it back.
 */
@Entity
@Table(name = "pool_processors")
public class Processor {
  static final int MIN_SECRET = 16;
  static final int MAX_SECRET = 256;

  @Id
  @Column(name = "pool_id", length = 36)
  private String poolId;

  @Column(name = "url", nullable = false, length = 2048)
  private String url;

  @Column(name = "secret", nullable = false, length = MAX_SECRET)
  private String secret;

  @Enumerated(EnumType.STRING)
  @Column(name = "trigger_kind", nullable = false, length = 8)
  private Trigger.Kind triggerKind;

  @Column(name = "trigger_count", nullable = false)
  private int triggerCount;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 64)
  private String updatedBy;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Processor() {}

  public Processor(String poolId, String url, String secret, Trigger trigger, String by, Instant now) {
    this.poolId = Objects.requireNonNull(poolId, "poolId");
    change(url, secret, trigger, by, now);
  }

  /** New settings; each is checked before any is taken. */
  public void change(String url, String secret, Trigger trigger, String by, Instant now) {
    String checkedUrl = checkedUrl(url);
    if (secret == null || secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
      throw new InvalidInputException("secret", "must be " + MIN_SECRET + " to " + MAX_SECRET + " characters");
    }
    Objects.requireNonNull(trigger, "trigger");
    this.url = checkedUrl;
    this.secret = secret;
    this.triggerKind = trigger.kind();
    this.triggerCount = trigger.count();
    this.updatedBy = by;
    this.updatedAt = now;
  }

  private static String checkedUrl(String url) {
    if (url == null || url.isBlank()) {
      throw new InvalidInputException("url", "is required");
    }
    try {
      URI u = new URI(url.trim());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getUserInfo() != null
          || u.getFragment() != null || url.length() > 2048) {
        throw new InvalidInputException("url", "must be an absolute http(s) URL without credentials or fragment");
      }
      return u.toString();
    } catch (URISyntaxException e) {
      throw new InvalidInputException("url", "is not a URL: " + e.getReason());
    }
  }

  public String poolId() {
    return poolId;
  }

  public URI url() {
    return URI.create(url);
  }

  public String secret() {
    return secret;
  }

  public Trigger trigger() {
    return new Trigger(triggerKind, triggerCount);
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public String updatedBy() {
    return updatedBy;
  }
}
