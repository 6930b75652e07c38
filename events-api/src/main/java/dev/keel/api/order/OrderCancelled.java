package dev.keel.api.order;

import dev.keel.api.account.AccountId;
import dev.keel.api.catalog.StockLevel;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * An order was called off. Final. Stock still reserved for it went back, and its promotion's use
 * with it; goods that had left stock (cancelled in fulfilment) did not.
 *
 * @param previousStatus the status it was cancelled in
 * @param stockLevels    each product's stock after the reservation went back; empty when nothing did
 */
@Revision("1")
public record OrderCancelled(OrderId orderId,
                             AccountId customerId,
                             CancelledBy cancelledBy,
                             OrderStatus previousStatus,
                             List<StockLevel> stockLevels) {

    public OrderCancelled {
        stockLevels = List.copyOf(stockLevels);
    }
}
