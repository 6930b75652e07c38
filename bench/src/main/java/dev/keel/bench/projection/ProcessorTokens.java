package dev.keel.bench.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The processors' rows in {@code token_entry}. Before a measurement: no rows for the processors to
 * measure (they start from the first event, as on a fresh deployment) and, for the others, the rows the
 * app itself wrote, moved to the backlog's end so they sit idle.
 */
final class ProcessorTokens {

    private static final Logger log = LoggerFactory.getLogger(ProcessorTokens.class);
    private static final Pattern INDEX = Pattern.compile("\"index\"\\s*:\\s*(-?\\d+)");
    private static final Pattern GAPS = Pattern.compile("\"gaps\"\\s*:\\s*\\[[^\\]]*\\]");

    private final List<Row> saved;

    private ProcessorTokens(List<Row> saved) {
        this.saved = saved;
    }

    /** Keeps the rows a running app left behind (segments, token type and format). */
    static ProcessorTokens save(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet row = s.executeQuery("SELECT processor_name, segment, token, token_type FROM token_entry")) {
            while (row.next()) {
                byte[] token = row.getBytes(3);
                if (token == null || !INDEX.matcher(new String(token, StandardCharsets.UTF_8)).find()) {
                    throw new IllegalStateException("Unexpected token of " + row.getString(1) + "/" + row.getInt(2) + ": "
                            + (token == null ? "none" : new String(token, StandardCharsets.UTF_8)));
                }
                rows.add(new Row(row.getString(1), row.getInt(2), new String(token, StandardCharsets.UTF_8), row.getString(4)));
            }
        }
        if (!rows.isEmpty()) {
            log.info("Token format of {}: {} {}", rows.getFirst().processor(), rows.getFirst().tokenType(), rows.getFirst().token());
        }
        return new ProcessorTokens(rows);
    }

    /** Only {@code measured} processors start from the beginning; the others wait at {@code head}. */
    void reset(Connection connection, Collection<String> measured, long head) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DELETE FROM token_entry");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO token_entry (processor_name, segment, token, token_type, timestamp) VALUES (?, ?, ?, ?, ?)")) {
            for (Row row : saved) {
                if (measured.contains(row.processor())) {
                    continue;
                }
                String token = GAPS.matcher(INDEX.matcher(row.token()).replaceAll("\"index\":" + head)).replaceAll("\"gaps\":[]");
                insert.setString(1, row.processor());
                insert.setInt(2, row.segment());
                insert.setBytes(3, token.getBytes(StandardCharsets.UTF_8));
                insert.setString(4, row.tokenType());
                insert.setString(5, Instant.now().toString());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The highest position any segment of the processors has stored, empty before the first. */
    static OptionalLong storedProgress(Connection connection, Collection<String> processors) throws SQLException {
        OptionalLong highest = OptionalLong.empty();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT token FROM token_entry WHERE processor_name = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("varchar", processors.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    byte[] token = row.getBytes(1);
                    if (token != null) {
                        Matcher index = INDEX.matcher(new String(token, StandardCharsets.UTF_8));
                        if (index.find()) {
                            long position = Long.parseLong(index.group(1));
                            if (position > highest.orElse(0)) {
                                highest = OptionalLong.of(position);
                            }
                        }
                    }
                }
            }
        }
        return highest;
    }

    private record Row(String processor, int segment, String token, String tokenType) {
    }
}
