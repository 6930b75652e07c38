package dev.keel.api.order;

import dev.keel.api.account.AccountId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * An order as clients see it, and as the command side answers a placement.
 *
 * @param version       the order's last event sequence number; send it back as {@code If-Match}
 * @param promotionCode the code of the promotion applied, or {@code null}
 * @param updatedAt     when its last event happened ({@code placedAt} until then)
 */
public record OrderView(OrderId orderId,
                        AccountId customerId,
                        OrderStatus status,
                        long version,
                        List<OrderLine> lines,
                        OrderTotals totals,
                        @Nullable String promotionCode,
                        Instant placedAt,
                        Instant updatedAt) {

    public OrderView {
        lines = List.copyOf(lines);
    }
}
