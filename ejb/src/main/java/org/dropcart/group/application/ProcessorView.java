package org.dropcart.group.application;

import java.time.Instant;
import org.dropcart.group.domain.Processor;

/** A pool's processor settings as admins see them: never the secret, only that one is set. */
public record ProcessorView(String poolId, String url, String trigger, boolean secretSet, Instant updatedAt,
    String updatedBy) {
  static ProcessorView of(Processor p) {
    return new ProcessorView(p.poolId(), p.url().toString(), p.trigger().wire(), true, p.updatedAt(),
        p.updatedBy());
  }
}
