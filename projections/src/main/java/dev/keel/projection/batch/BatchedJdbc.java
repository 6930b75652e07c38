package dev.keel.projection.batch;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Statements of one event batch, run as JDBC batches just before the batch's transaction commits,
 * together with the processor's token. Order is kept: consecutive statements with the same SQL go in
 * one JDBC batch, so an update never runs before the insert it follows.
 */
@Component
public class BatchedJdbc {

    private static final String RESOURCE = BatchedJdbc.class.getName();

    private final JdbcTemplate jdbc;

    BatchedJdbc(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void update(String sql, Object... args) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, args);
            return;
        }
        pending().add(sql, args);
    }

    /**
     * A write whose rows commute: of all the rows a batch gives one key, only the one of highest
     * {@code rank} is written, after the ordered statements, in key order. Two batches that write the
     * same keys then lock them in the same order and never wait on each other in a circle. The SQL
     * itself must still keep a stored row of higher rank (a batch sees only its own rows).
     */
    public <K extends Comparable<K>> void upsertLatest(String sql, K key, long rank, Object... args) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, args);
            return;
        }
        pending().latest(sql, key, rank, args);
    }

    /** Opens this batch's statements now, so that they run before whatever a later buffer flushes. */
    void open() {
        if (CurrentUnitOfWork.isStarted()) {
            pending();
        }
    }

    private Pending pending() {
        return PerBatch.buffer(RESOURCE, Pending::new, pending -> pending.flush(jdbc));
    }

    private record Ranked(long rank, Object[] args) {
    }

    private static final class Pending {
        private final List<String> sqls = new ArrayList<>();
        private final List<List<Object[]>> runs = new ArrayList<>();
        private final Map<String, TreeMap<Object, Ranked>> latest = new LinkedHashMap<>();

        void add(String sql, Object[] args) {
            if (sqls.isEmpty() || !sqls.getLast().equals(sql)) {
                sqls.add(sql);
                runs.add(new ArrayList<>());
            }
            runs.getLast().add(args);
        }

        void latest(String sql, Object key, long rank, Object[] args) {
            latest.computeIfAbsent(sql, unused -> new TreeMap<>())
                    .merge(key, new Ranked(rank, args), (kept, offered) -> offered.rank() > kept.rank() ? offered : kept);
        }

        void flush(JdbcTemplate jdbc) {
            for (int i = 0; i < sqls.size(); i++) {
                jdbc.batchUpdate(sqls.get(i), runs.get(i));
            }
            latest.forEach((sql, rows) -> jdbc.batchUpdate(sql, rows.values().stream().map(Ranked::args).toList()));
        }
    }
}
