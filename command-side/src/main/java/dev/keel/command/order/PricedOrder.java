package dev.keel.command.order;

import dev.keel.api.order.OrderLine;
import dev.keel.api.order.OrderTotals;
import dev.keel.command.promotion.PromotionTerms;

import java.util.List;

/**
 * A basket priced: the same for a quote and a placement.
 *
 * @param promotion the promotion applied, or {@code null}
 */
record PricedOrder(List<OrderLine> lines, OrderTotals totals, PromotionTerms promotion, String taxCountry,
                   int taxRateBasisPoints) {
}
