package org.dropcart.group.domain;

import java.time.Instant;

/** A stored file the grouping job has yet to place, as its reader hands it on. */
public record PendingFile(String fileName, String poolId, Instant timestamp, Instant storedAt, long size)
    implements java.io.Serializable {}
