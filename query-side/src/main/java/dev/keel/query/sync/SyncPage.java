package dev.keel.query.sync;

import dev.keel.api.catalog.ProductView;
import dev.keel.api.order.OrderView;

import java.util.List;

/**
 * What changed after a position, as current states: each order and product once, however often it
 * changed, archived products included (so an app drops them).
 *
 * @param position where this page ends: the next call's {@code since}, and a valid {@code Last-Event-ID}
 * @param more     whether changes beyond this page wait already: call again with {@code since=position}
 */
record SyncPage(List<OrderView> orders, List<ProductView> products, long position, boolean more) {
}
