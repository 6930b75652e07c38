package dev.keel.projection.batch;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Append-only change logs whose rows are numbered in commit order, for readers that follow them
 * (live updates, offline sync). An event batch takes its numbers from {@code change_sequence} at the
 * very end, after its read model's statements, and holds that row's lock until it commits; so a
 * reader that sees number n can already see every number below it, which global event positions do
 * not promise. Each log's channel is notified in the same transaction (PostgreSQL delivers it at
 * commit). A row's position is unique in its log: an event seen again appends nothing.
 */
@Component
public class ChangeLog {

    /**
     * A log table.
     *
     * @param insert  its INSERT, taking the row's number first and then the values given to
     *                {@link #append}; it must ignore a row whose position is already there
     * @param channel what to {@code NOTIFY} once rows were appended
     */
    public record Log(String insert, String channel) {
    }

    private static final String RESOURCE = ChangeLog.class.getName();

    private final JdbcTemplate jdbc;
    private final BatchedJdbc statements;

    ChangeLog(JdbcTemplate jdbc, BatchedJdbc statements) {
        this.jdbc = jdbc;
        this.statements = statements;
    }

    public void append(Log log, Object... values) {
        if (!CurrentUnitOfWork.isStarted()) {
            flush(List.of(new Row(log, values)));
            return;
        }
        statements.open();
        PerBatch.<List<Row>>buffer(RESOURCE, ArrayList::new, this::flush).add(new Row(log, values));
    }

    private void flush(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        long last = jdbc.queryForObject("UPDATE change_sequence SET last = last + ? WHERE id = 1 RETURNING last",
                Long.class, rows.size());
        long seq = last - rows.size();
        Set<String> channels = new LinkedHashSet<>();
        int start = 0;
        while (start < rows.size()) {
            Log log = rows.get(start).log();
            int end = start;
            List<Object[]> run = new ArrayList<>();
            while (end < rows.size() && rows.get(end).log().equals(log)) {
                run.add(rows.get(end).withSeq(++seq));
                end++;
            }
            jdbc.batchUpdate(log.insert(), run);
            channels.add(log.channel());
            start = end;
        }
        for (String channel : channels) {
            jdbc.queryForList("SELECT pg_notify(?, ?)", channel, Long.toString(last));
        }
    }

    private record Row(Log log, Object[] values) {

        Object[] withSeq(long seq) {
            Object[] row = new Object[values.length + 1];
            row[0] = seq;
            System.arraycopy(values, 0, row, 1, values.length);
            return row;
        }
    }
}
