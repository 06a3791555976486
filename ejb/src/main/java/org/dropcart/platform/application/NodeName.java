package org.dropcart.platform.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.eclipse.microprofile.config.Config;

/**
 * This node's name among the nodes of a cluster: {@code dropcart.node.name}, else the host name.
 * Two nodes on one host must each be given a name (the launcher's {@code DROPCART_NODE_NAME}).
 */
@ApplicationScoped
public class NodeName {
  public static final String KEY = "dropcart.node.name";

  @Inject private Config config;

  public String get() {
    return of(config);
  }

  public static String of(Config config) {
    return config.getOptionalValue(KEY, String.class).map(String::trim).filter(s -> !s.isEmpty())
        .orElseGet(NodeName::hostName);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
