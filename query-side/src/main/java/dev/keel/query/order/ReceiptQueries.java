package dev.keel.query.order;

import dev.keel.api.account.AccountId;
import dev.keel.api.money.Money;
import dev.keel.api.order.OrderId;
import dev.keel.api.order.OrderView;
import dev.keel.api.payment.FindReceipt;
import dev.keel.api.payment.ReceiptView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.Optional;

/** Receipts from the {@code receipt} read model, with their order's lines and totals. */
@Component
class ReceiptQueries {

    private final JdbcClient jdbc;
    private final OrderReadModel orders;

    ReceiptQueries(JdbcClient jdbc, OrderReadModel orders) {
        this.jdbc = jdbc;
        this.orders = orders;
    }

    /** @return the receipt, or {@code null} when there is none yet (or it is another customer's) */
    @QueryHandler
    ReceiptView handle(FindReceipt query) {
        return orders.find(query.orderId(), query.customerId())
                .flatMap(order -> receipt(query.orderId(), order))
                .orElse(null);
    }

    private Optional<ReceiptView> receipt(OrderId orderId, OrderView order) {
        return jdbc.sql("SELECT receipt_number, customer_id, amount_minor, currency, issued_at FROM receipt WHERE order_id = ?")
                .param(orderId.value())
                .query((row, n) -> new ReceiptView(row.getString("receipt_number"), orderId,
                        new AccountId(row.getObject("customer_id", java.util.UUID.class)),
                        row.getObject("issued_at", OffsetDateTime.class).toInstant(),
                        Money.of(row.getLong("amount_minor"), row.getString("currency")), order.lines(), order.totals()))
                .optional();
    }
}
