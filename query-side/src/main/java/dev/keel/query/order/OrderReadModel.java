package dev.keel.query.order;

import dev.keel.api.account.AccountId;
import dev.keel.api.money.Money;
import dev.keel.api.order.OrderId;
import dev.keel.api.order.OrderLine;
import dev.keel.api.order.OrderStatus;
import dev.keel.api.order.OrderTotals;
import dev.keel.api.order.OrderView;
import dev.keel.api.payment.PaymentStatus;
import dev.keel.api.payment.PaymentView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Orders as the {@code customer_order} read model has them. */
@Component
public class OrderReadModel {

    /** Where a page of orders ended: the last order's placing time and id. */
    record Key(Instant placedAt, UUID orderId) {
    }

    private static final String SELECT = """
            SELECT order_id, customer_id, status, version, lines, currency, subtotal_minor, discount_minor, tax_minor,
                   total_minor, promotion_code, placed_at, updated_at, payment_status, payment_attempt, payment_reason
            FROM customer_order
            """;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<OrderLine>> LINES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    OrderReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param customerId only if it is this customer's, or {@code null} for anyone's */
    Optional<OrderView> find(OrderId orderId, AccountId customerId) {
        return customerId == null
                ? jdbc.sql(SELECT + "WHERE order_id = ?").param(orderId.value()).query(OrderReadModel::view).optional()
                : jdbc.sql(SELECT + "WHERE order_id = ? AND customer_id = ?").param(orderId.value())
                        .param(customerId.value()).query(OrderReadModel::view).optional();
    }

    /** The customer's orders placed before {@code after} (all when {@code null}), newest first. */
    List<OrderView> mine(AccountId customerId, Key after, int limit) {
        return after == null
                ? jdbc.sql(SELECT + "WHERE customer_id = ? ORDER BY placed_at DESC, order_id DESC LIMIT ?")
                        .param(customerId.value()).param(limit).query(OrderReadModel::view).list()
                : jdbc.sql(SELECT + """
                                WHERE customer_id = ? AND (placed_at, order_id) < (?, ?)
                                ORDER BY placed_at DESC, order_id DESC LIMIT ?""")
                        .param(customerId.value()).param(utc(after.placedAt())).param(after.orderId()).param(limit)
                        .query(OrderReadModel::view).list();
    }

    /** The orders in {@code status} placed after {@code after} (all when {@code null}), oldest first. */
    List<OrderView> queue(OrderStatus status, Key after, int limit) {
        return after == null
                ? jdbc.sql(SELECT + "WHERE status = ? ORDER BY placed_at, order_id LIMIT ?")
                        .param(status.name()).param(limit).query(OrderReadModel::view).list()
                : jdbc.sql(SELECT + """
                                WHERE status = ? AND (placed_at, order_id) > (?, ?)
                                ORDER BY placed_at, order_id LIMIT ?""")
                        .param(status.name()).param(utc(after.placedAt())).param(after.orderId()).param(limit)
                        .query(OrderReadModel::view).list();
    }

    /** The customer's orders among these ids, in no particular order; others' are left out. */
    public List<OrderView> mineAmong(AccountId customerId, Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + "WHERE customer_id = :customer AND order_id IN (:ids)")
                .param("customer", customerId.value()).param("ids", List.copyOf(orderIds))
                .query(OrderReadModel::view).list();
    }

    private static OrderView view(ResultSet row, int n) throws SQLException {
        String currency = row.getString("currency");
        return new OrderView(
                new OrderId(row.getObject("order_id", UUID.class)),
                new AccountId(row.getObject("customer_id", UUID.class)),
                OrderStatus.valueOf(row.getString("status")),
                row.getLong("version"),
                JSON.readValue(row.getString("lines"), LINES),
                new OrderTotals(Money.of(row.getLong("subtotal_minor"), currency),
                        Money.of(row.getLong("discount_minor"), currency), Money.of(row.getLong("tax_minor"), currency),
                        Money.of(row.getLong("total_minor"), currency)),
                row.getString("promotion_code"),
                row.getObject("placed_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant(),
                payment(row));
    }

    private static PaymentView payment(ResultSet row) throws SQLException {
        String status = row.getString("payment_status");
        return status == null ? PaymentView.NONE : new PaymentView(PaymentStatus.valueOf(status), row.getInt("payment_attempt"),
                row.getString("payment_reason"));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
