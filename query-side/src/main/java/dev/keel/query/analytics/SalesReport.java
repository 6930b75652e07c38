package dev.keel.query.analytics;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * Sales per period bucket, currency and (if asked) group. Revenue is the sum of the line totals: net
 * of tax, before order-level discounts, in minor units of {@code currency}.
 *
 * @param buckets oldest first; within one, by currency, then group
 */
record SalesReport(Instant from, Instant to, String interval, @Schema(nullable = true) String groupBy,
                   List<Bucket> buckets) {

    /**
     * @param start                  the bucket's first instant (UTC calendar day, ISO week from Monday, month)
     * @param group                  the category, product id or country, or {@code null} when not grouped
     * @param orders                 distinct orders with a line in the bucket
     * @param units                  items sold
     * @param averageOrderValueMinor revenue ÷ orders, rounded half up
     */
    record Bucket(Instant start,
                  @Schema(nullable = true) String group,
                  String currency,
                  long orders,
                  long units,
                  long revenueMinor,
                  long averageOrderValueMinor) {
    }

    static long average(long total, long count) {
        return count == 0 ? 0 : Math.floorDiv(2 * total + count, 2 * count);
    }
}
