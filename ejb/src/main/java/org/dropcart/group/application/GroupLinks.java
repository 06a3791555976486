package org.dropcart.group.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.dropcart.group.domain.FileGroup;
import org.dropcart.platform.application.PublicAddress;
import org.dropcart.platform.application.SignedLinks;
import org.dropcart.platform.domain.ForbiddenException;

/**
 * The links a processor gets with a group: a short-lived signed URL per file and for the bundle,
 * and a callback URL with its own token for the result. Nothing else is needed to use them, and
 * each is good for exactly its one purpose.
 */
@ApplicationScoped
public class GroupLinks {
  @Inject private SignedLinks links;
  @Inject private PublicAddress address;
  @Inject private DispatchSettings settings;
  @Inject private Clock clock;

  /** Thrown while this node does not know its public address yet (no request, no configuration). */
  public static final class NoAddressException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    NoAddressException() {
      super("This node does not know its public address yet: set dropcart.public-url");
    }
  }

  public URI file(FileGroup g, String fileName) {
    return link(g, "files/" + encode(fileName), filePurpose(g.id(), fileName), settings.linkTtl());
  }

  public URI bundle(FileGroup g) {
    return link(g, "bundle", bundlePurpose(g.id()), settings.linkTtl());
  }

  public URI callback(FileGroup g) {
    return link(g, "result", resultPurpose(g.id()), settings.callbackTtl());
  }

  /**
   * The tus creation URL for the result, as an alternative to {@link #callback}: the same token,
   * with the group, in its query ({@code Upload-Metadata} must name the same {@code group}).
   */
  public URI resultUpload(FileGroup g) {
    String token = links.sign(resultPurpose(g.id()), clock.instant().plus(settings.callbackTtl()));
    return base().resolve("api/upload/?group=" + g.id() + "&token=" + token);
  }

  /** Refuses a file link that is not good: 403 {@code bad-link} or {@code link-expired}. */
  public void requireFile(String groupId, String fileName, String token) {
    require(token, filePurpose(groupId, fileName));
  }

  public void requireBundle(String groupId, String token) {
    require(token, bundlePurpose(groupId));
  }

  /** Whether a callback token is good for the group's result. */
  public SignedLinks.Check checkCallback(String groupId, String token) {
    return links.check(token, resultPurpose(groupId));
  }

  private void require(String token, String purpose) {
    switch (links.check(token, purpose)) {
      case VALID -> { }
      case EXPIRED -> throw new ForbiddenException("link-expired", "This link has expired; ask for the group again");
      case INVALID -> throw new ForbiddenException("bad-link", "This link is not valid for this resource");
    }
  }

  private URI link(FileGroup g, String tail, String purpose, Duration ttl) {
    String token = links.sign(purpose, clock.instant().plus(ttl));
    return base().resolve("api/pools/" + g.poolId() + "/groups/" + g.id() + "/" + tail + "?token=" + token);
  }

  private URI base() {
    return address.base().orElseThrow(NoAddressException::new);
  }

  private static String filePurpose(String groupId, String fileName) {
    return "file:" + groupId + ":" + fileName;
  }

  private static String bundlePurpose(String groupId) {
    return "bundle:" + groupId;
  }

  private static String resultPurpose(String groupId) {
    return "result:" + groupId;
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
