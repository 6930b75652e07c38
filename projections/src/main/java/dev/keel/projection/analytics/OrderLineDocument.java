package dev.keel.projection.analytics;

import dev.keel.api.order.OrderLine;
import dev.keel.api.order.OrderPlaced;
import dev.keel.api.order.OrderStatus;
import dev.keel.api.order.OrderTotals;

import java.time.Instant;
import java.util.Objects;

/**
 * One order line in the order-analytics index, as placed. Amounts in minor units of {@code currency};
 * the order's totals repeat on each of its lines, so aggregations count them on line 0 only. No
 * personal data: the country is the shipping country alone, the customer only a pseudonymous key.
 */
record OrderLineDocument(String orderId,
                         int lineNumber,
                         int lineCount,
                         String productId,
                         String sku,
                         String productName,
                         String category,
                         long quantity,
                         long unitPriceMinor,
                         long lineTotalMinor,
                         long orderSubtotalMinor,
                         long orderDiscountMinor,
                         long orderTaxMinor,
                         long orderTotalMinor,
                         String currency,
                         String country,
                         String status,
                         String promotionId,
                         String promotionCode,
                         String customerKey,
                         Instant placedAt) {

    static String id(String orderId, int lineNumber) {
        return orderId + ":" + lineNumber;
    }

    static OrderLineDocument of(OrderPlaced event, int lineNumber, String category, String customerKey) {
        OrderLine line = event.lines().get(lineNumber);
        OrderTotals totals = event.totals();
        return new OrderLineDocument(event.orderId().toString(), lineNumber, event.lines().size(),
                line.productId().toString(), line.sku(), line.name(), category, line.quantity(),
                line.unitPrice().amountMinor(), line.lineTotal().amountMinor(), totals.subtotal().amountMinor(),
                totals.discount().amountMinor(), totals.tax().amountMinor(), totals.total().amountMinor(),
                totals.total().currency().getCurrencyCode(), event.taxCountry(), OrderStatus.PLACED.name(),
                Objects.toString(event.promotionId(), null), event.promotionCode(), customerKey, event.placedAt());
    }
}
