package dev.keel.bench.projection;

import dev.keel.bench.stack.Stack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The catch-up baseline, written by hand: read {@code domain_event_entry} by global position in batches,
 * parse each JSON payload, and per batch upsert the same product rows as the app (one JDBC batch of
 * creations, one of price changes, the position, one commit) into {@code bench.product}.
 */
final class TableLoop {

    static final String TABLE = "bench.product";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String UPSERT = """
            INSERT INTO bench.product (product_id, sku, name, description, price_minor, currency, version, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (product_id) DO UPDATE SET
                sku = EXCLUDED.sku, name = EXCLUDED.name, description = EXCLUDED.description,
                price_minor = EXCLUDED.price_minor, currency = EXCLUDED.currency, version = EXCLUDED.version,
                created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at
            WHERE bench.product.version < EXCLUDED.version""";
    private static final String CHANGE_PRICE = """
            UPDATE bench.product SET price_minor = ?, currency = ?, version = ?, updated_at = ?
            WHERE product_id = ? AND version < ?""";

    private TableLoop() {
    }

    /** @return seconds from the first read to the last commit */
    static double run(Stack stack, int batchSize) throws SQLException {
        try (Connection c = stack.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + TABLE);
                s.execute("CREATE TABLE " + TABLE + " (LIKE public.product INCLUDING ALL)");
                s.execute("DROP TABLE IF EXISTS bench.position");
                s.execute("CREATE TABLE bench.position (name TEXT PRIMARY KEY, position BIGINT NOT NULL)");
                s.execute("INSERT INTO bench.position VALUES ('product-table', 0)");
            }
            c.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement read = c.prepareStatement("""
                         SELECT global_index, sequence_number, payload_type, payload, time_stamp FROM domain_event_entry
                         WHERE global_index > ? ORDER BY global_index LIMIT ?""");
                 PreparedStatement upsert = c.prepareStatement(UPSERT);
                 PreparedStatement changePrice = c.prepareStatement(CHANGE_PRICE);
                 PreparedStatement position = c.prepareStatement("UPDATE bench.position SET position = ? WHERE name = 'product-table'")) {
                long last = 0;
                while (true) {
                    read.setLong(1, last);
                    read.setInt(2, batchSize);
                    int events = 0;
                    try (ResultSet row = read.executeQuery()) {
                        while (row.next()) {
                            events++;
                            last = row.getLong(1);
                            add(row, upsert, changePrice);
                        }
                    }
                    if (events == 0) {
                        break;
                    }
                    upsert.executeBatch();
                    changePrice.executeBatch();
                    position.setLong(1, last);
                    position.executeUpdate();
                    c.commit();
                }
            }
            return (System.nanoTime() - started) / 1e9;
        }
    }

    private static void add(ResultSet row, PreparedStatement upsert, PreparedStatement changePrice) throws SQLException {
        long version = row.getLong(2);
        String type = row.getString(3);
        JsonNode event = JSON.readTree(row.getBytes(4));
        OffsetDateTime at = Instant.parse(row.getString(5)).atOffset(ZoneOffset.UTC);
        UUID productId = UUID.fromString(event.get("productId").asString());
        JsonNode price = event.get("price");
        if (type.endsWith(".ProductCreated")) {
            upsert.setObject(1, productId);
            upsert.setString(2, event.get("sku").asString());
            upsert.setString(3, event.get("name").asString());
            upsert.setString(4, event.get("description").asString());
            upsert.setLong(5, price.get("amountMinor").asLong());
            upsert.setString(6, price.get("currency").asString());
            upsert.setLong(7, version);
            upsert.setObject(8, at);
            upsert.setObject(9, at);
            upsert.addBatch();
        } else if (type.endsWith(".ProductPriceChanged")) {
            changePrice.setLong(1, price.get("amountMinor").asLong());
            changePrice.setString(2, price.get("currency").asString());
            changePrice.setLong(3, version);
            changePrice.setObject(4, at);
            changePrice.setObject(5, productId);
            changePrice.setLong(6, version);
            changePrice.addBatch();
        } else {
            throw new IllegalStateException("The backlog holds an event the loop does not know: " + type);
        }
    }

    /** Rows of the app's product table that differ from the loop's, column by column. */
    static long differences(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet row = s.executeQuery("""
                SELECT count(*) FROM public.product a FULL JOIN bench.product b ON a.product_id = b.product_id
                WHERE ROW(a.*) IS DISTINCT FROM ROW(b.*)""")) {
            row.next();
            return row.getLong(1);
        }
    }
}
