package dev.keel.query.changes;

import dev.keel.api.account.AccountId;
import dev.keel.api.order.OrderId;
import dev.keel.api.order.OrderStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The change logs, read by commit order ({@code seq}). Clients name a point in them by an event's
 * global position (a stream event's id, a sync answer's position); each position is in one log at
 * most, so it maps to exactly one number. Reading "after that number" and not "after that position"
 * includes a change of a lower position that committed later, which a position alone would skip.
 */
@Component
public class ChangeLogs {

    /** A change of either log, as offline sync reads them. */
    public record Change(long seq, long position, String kind, UUID id) {

        public static final String ORDER = "order";
        public static final String PRODUCT = "product";
    }

    private static final String ORDER_CHANGE = """
            SELECT seq, position, order_id, customer_id, event_type, status, version, occurred_at FROM order_change
            """;

    private final JdbcClient jdbc;

    ChangeLogs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Position 0 is the beginning; a position no log holds starts past that position. */
    public Start start(long position) {
        if (position == 0) {
            return Start.BEGINNING;
        }
        Optional<Long> seq = jdbc.sql("""
                        SELECT seq FROM order_change WHERE position = :position
                        UNION ALL SELECT seq FROM catalog_change WHERE position = :position""")
                .param("position", position).query(Long.class).optional();
        return seq.map(found -> new Start(found, Long.MIN_VALUE)).orElseGet(() -> new Start(0, position));
    }

    /** The number of the newest order change (0 when there is none). */
    public long latestOrderChange() {
        return jdbc.sql("SELECT coalesce(max(seq), 0) FROM order_change").query(Long.class).single();
    }

    /** Everyone's order changes numbered above {@code seq}, in commit order. */
    public List<OrderChange> orderChangesAfter(long seq, int limit) {
        return jdbc.sql(ORDER_CHANGE + "WHERE seq > ? ORDER BY seq LIMIT ?").param(seq).param(limit)
                .query(ChangeLogs::orderChange).list();
    }

    /** This customer's order changes after {@code start}, in commit order. */
    public List<OrderChange> orderChangesOf(AccountId customerId, Start start, int limit) {
        return jdbc.sql(ORDER_CHANGE + "WHERE customer_id = ? AND seq > ? AND position > ? ORDER BY seq LIMIT ?")
                .param(customerId.value()).param(start.afterSeq()).param(start.afterPosition()).param(limit)
                .query(ChangeLogs::orderChange).list();
    }

    /** This customer's order changes and everyone's product changes after {@code start}, in commit order. */
    public List<Change> changesFor(AccountId customerId, Start start, int limit) {
        return jdbc.sql("""
                        SELECT seq, position, 'order' AS kind, order_id AS id FROM order_change
                        WHERE customer_id = :customer AND seq > :seq AND position > :position
                        UNION ALL
                        SELECT seq, position, 'product' AS kind, product_id AS id FROM catalog_change
                        WHERE seq > :seq AND position > :position
                        ORDER BY seq LIMIT :limit""")
                .param("customer", customerId.value()).param("seq", start.afterSeq())
                .param("position", start.afterPosition()).param("limit", limit)
                .query((row, n) -> new Change(row.getLong("seq"), row.getLong("position"), row.getString("kind"),
                        row.getObject("id", UUID.class)))
                .list();
    }

    private static OrderChange orderChange(ResultSet row, int n) throws SQLException {
        return new OrderChange(row.getLong("seq"), row.getLong("position"),
                new OrderId(row.getObject("order_id", UUID.class)),
                new AccountId(row.getObject("customer_id", UUID.class)), row.getString("event_type"),
                OrderStatus.valueOf(row.getString("status")), row.getLong("version"),
                row.getObject("occurred_at", OffsetDateTime.class).toInstant());
    }
}
