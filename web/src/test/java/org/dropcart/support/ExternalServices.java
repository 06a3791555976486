package org.dropcart.support;

import java.util.Map;
import java.util.TreeMap;

/**
 * The production profile's services (see {@link ProdProfile}) as a process of their own, for
 * benchmarks that start Dropcart nodes with the launcher (bench/cluster.sh): prints the launcher's
 * environment for them as {@code KEY=value} lines, then {@code READY}, and runs until its standard
 * input closes.
 */
public final class ExternalServices {
  private ExternalServices() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = new TreeMap<>(ProdProfile.launcherEnvironment());
    env.forEach((k, v) -> System.out.println(k + "=" + v));
    System.out.println("READY");
    System.out.flush();
    while (System.in.read() >= 0) {
      // until the benchmark closes our input (or ends)
    }
    System.exit(0);
  }
}
