package dev.keel.bench.projection;

import dev.keel.bench.command.Catalog;
import dev.keel.bench.command.EventRow;
import dev.keel.bench.stack.Stack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The projection backlog: {@code size} events as the app writes them (the captured rows with new ids
 * and names), four product creations to one price change of an earlier product, kept in
 * {@code bench.backlog} and copied into {@code domain_event_entry} for each measurement.
 */
final class Backlog {

    static final String TABLE = "bench.backlog";
    private static final int PRICE_CHANGE_EVERY = 5;

    private final int size;
    private final int products;
    private final long versionSum;

    private Backlog(int size, int products, long versionSum) {
        this.size = size;
        this.products = products;
        this.versionSum = versionSum;
    }

    static Backlog create(Stack stack, EventRow created, EventRow changed, int size) throws SQLException {
        try (Connection c = stack.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + TABLE);
                s.execute("CREATE TABLE " + TABLE + " AS SELECT * FROM public.domain_event_entry WITH NO DATA");
            }
            c.setAutoCommit(false);
            Random random = new Random(42);
            List<String> ids = new ArrayList<>();
            List<Integer> versions = new ArrayList<>();
            Instant start = Instant.now().minusSeconds(size / 1000 + 1);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE + " (global_index,"
                    + " aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload, payload_revision,"
                    + " payload_type, time_stamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int position = 1; position <= size; position++) {
                    EventRow template;
                    String id;
                    long sequence;
                    byte[] payload;
                    if (position % PRICE_CHANGE_EVERY == 0 && !ids.isEmpty()) {
                        int product = random.nextInt(ids.size());
                        template = changed;
                        id = ids.get(product);
                        sequence = versions.get(product) + 1;
                        versions.set(product, (int) sequence);
                        payload = changed.payloadFor(id);
                    } else {
                        template = created;
                        id = UUID.randomUUID().toString();
                        sequence = 0;
                        ids.add(id);
                        versions.add(0);
                        payload = created.payloadFor(id, Catalog.TEMPLATE_SKU, Catalog.sku(ids.size()),
                                Catalog.TEMPLATE_NAME, Catalog.name(ids.size()));
                    }
                    insert.setLong(1, position);
                    insert.setString(2, id);
                    insert.setLong(3, sequence);
                    insert.setString(4, template.type());
                    insert.setString(5, UUID.randomUUID().toString());
                    insert.setBytes(6, template.metadata());
                    insert.setBytes(7, payload);
                    insert.setString(8, template.payloadRevision());
                    insert.setString(9, template.payloadType());
                    insert.setString(10, start.plusMillis(position).toString());
                    insert.addBatch();
                    if (position % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
            return new Backlog(size, ids.size(), versions.stream().mapToLong(Integer::longValue).sum());
        }
    }

    int size() {
        return size;
    }

    /** Products the backlog creates: rows in the table, documents in the index. */
    int products() {
        return products;
    }

    /** Sum of the products' final versions: a read model that missed or repeated a change shows another sum. */
    long versionSum() {
        return versionSum;
    }

    /**
     * Empties the event store and copies the backlog into it inside {@code connection}'s open
     * transaction: nobody sees the events until the caller commits.
     */
    void stage(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("TRUNCATE domain_event_entry");
            connection.commit();
            s.execute("INSERT INTO domain_event_entry SELECT * FROM " + TABLE);
        }
    }

    /** Checks a product table against the backlog: row count and version sum. */
    void verifyTable(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet row = s.executeQuery("SELECT count(*), coalesce(sum(version), 0) FROM " + table)) {
            row.next();
            if (row.getLong(1) != products || row.getLong(2) != versionSum) {
                throw new IllegalStateException(table + " holds " + row.getLong(1) + " products with version sum "
                        + row.getLong(2) + "; the backlog makes " + products + " with version sum " + versionSum);
            }
        }
    }
}
