package org.dropcart.file.application;

/**
 * Where a stored file stands in grouping: {@code pending}, {@code grouped} (in {@code groupId}) or
 * {@code rejected} (late for a sealed window, in a pool that rejects late files); {@code late} when
 * it was not grouped with its own window.
 */
public record FilePlace(String grouping, String groupId, boolean late) {}
