package org.dropcart.group.application;

import java.time.Instant;

/**
 * A result owed to the caller: {@code id} (the group's id) is what the caller acknowledges;
 * {@code ackedAt} is empty while it is pending.
 */
public record DeliveryView(String id, String groupId, String poolId, String fileName, String name, long size,
    String sha256, String url, Instant createdAt, Instant ackedAt) {}
