package org.dropcart.platform.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Where outside parties reach this node: {@code dropcart.public-url} when set (it must be, behind a
 * proxy or TLS terminator), otherwise the local address and port that the first request to this
 * node arrived on. The latter is the socket's own address, never a header a client chose.
 */
@ApplicationScoped
public class PublicAddress {
  @Inject private Config config;
  private volatile URI observed;

  /** The base URL, ending in {@code /}, if known yet. */
  public Optional<URI> base() {
    Optional<URI> configured = config.getOptionalValue("dropcart.public-url", String.class)
        .filter(s -> !s.isBlank()).map(s -> URI.create(s.endsWith("/") ? s : s + "/"));
    return configured.isPresent() ? configured : Optional.ofNullable(observed);
  }

  /** Records the local socket a request arrived on, the first time. */
  public void observe(String scheme, String localAddress, int localPort) {
    if (observed == null && localAddress != null && localPort > 0) {
      String host = localAddress.contains(":") ? "[" + localAddress + "]" : localAddress;
      observed = URI.create(scheme + "://" + host + ":" + localPort + "/");
    }
  }
}
