package dev.keel.api.order;

import dev.keel.api.account.AccountId;
import dev.keel.api.catalog.StockLevel;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A paid order's goods were picked: they leave stock for good (stock and reservation both drop by
 * the quantities, so {@code available} stays as it was).
 *
 * @param stockLevels each product's stock right after the goods left
 */
@Revision("1")
public record OrderFulfilmentStarted(OrderId orderId, AccountId customerId, List<StockLevel> stockLevels) {

    public OrderFulfilmentStarted {
        stockLevels = List.copyOf(stockLevels);
    }
}
