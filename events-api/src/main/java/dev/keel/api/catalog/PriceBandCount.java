package dev.keel.api.catalog;

import org.jspecify.annotations.Nullable;

/**
 * How many matching products cost from {@code from} (inclusive) to {@code to} (exclusive), in
 * minor units.
 *
 * @param to the upper bound, or {@code null} for the open-ended top band
 */
public record PriceBandCount(long from, @Nullable Long to, long count) {
}
