package dev.keel.api.order;

import dev.keel.api.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Places an order: prices the basket from the catalog, applies at most one promotion (the code's, or
 * else the best automatic one), reserves the stock and records one use of the promotion, all in the
 * command's transaction. Answered with the order as an {@link OrderView}.
 *
 * @param orderId         the new order's id, chosen by the caller
 * @param customerId      who places it; only they (and STAFF) may see or change it
 * @param lines           one line per product, each product once, quantities at least 1
 * @param promotionCode   a promotion code as the customer typed it (any case), or {@code null}
 * @param shippingAddress where it goes; its country selects the tax rate
 * @param placedAt        when it was asked for: promotions must be valid at this moment
 */
public record PlaceOrder(@TargetAggregateIdentifier OrderId orderId,
                         AccountId customerId,
                         List<BasketLine> lines,
                         String promotionCode,
                         ShippingAddress shippingAddress,
                         Instant placedAt) {

    public PlaceOrder {
        lines = List.copyOf(lines);
    }
}
