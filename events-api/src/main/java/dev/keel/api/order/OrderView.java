package dev.keel.api.order;

import dev.keel.api.account.AccountId;
import dev.keel.api.payment.PaymentView;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * An order as clients see it, and as the command side answers a placement.
 *
 * @param version       the order's last event sequence number; send it back as {@code If-Match}
 * @param promotionCode the code of the promotion applied, or {@code null}
 * @param updatedAt     when its last event happened ({@code placedAt} until then)
 * @param payment       where its payment is ({@code NONE} until the customer first tries to pay)
 */
public record OrderView(OrderId orderId,
                        AccountId customerId,
                        OrderStatus status,
                        long version,
                        List<OrderLine> lines,
                        OrderTotals totals,
                        @Nullable String promotionCode,
                        Instant placedAt,
                        Instant updatedAt,
                        PaymentView payment) {

    public OrderView {
        lines = List.copyOf(lines);
    }

    /** An order no one has tried to pay yet. */
    public OrderView(OrderId orderId, AccountId customerId, OrderStatus status, long version, List<OrderLine> lines,
                     OrderTotals totals, @Nullable String promotionCode, Instant placedAt, Instant updatedAt) {
        this(orderId, customerId, status, version, lines, totals, promotionCode, placedAt, updatedAt, PaymentView.NONE);
    }
}
