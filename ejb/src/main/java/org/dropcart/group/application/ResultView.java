package org.dropcart.group.application;

import java.time.Instant;

/** A group's result as the pool sees it: the stored file, and where members download it. */
public record ResultView(String groupId, String poolId, Instant windowStart, Instant windowEnd, String fileName,
    String name, long size, String sha256, String url, Instant doneAt) {}
