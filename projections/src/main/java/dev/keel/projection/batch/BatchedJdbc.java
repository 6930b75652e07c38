package dev.keel.projection.batch;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

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
        PerBatch.buffer(RESOURCE, Pending::new, pending -> pending.flush(jdbc)).add(sql, args);
    }

    private static final class Pending {
        private final List<String> sqls = new ArrayList<>();
        private final List<List<Object[]>> runs = new ArrayList<>();

        void add(String sql, Object[] args) {
            if (sqls.isEmpty() || !sqls.getLast().equals(sql)) {
                sqls.add(sql);
                runs.add(new ArrayList<>());
            }
            runs.getLast().add(args);
        }

        void flush(JdbcTemplate jdbc) {
            for (int i = 0; i < sqls.size(); i++) {
                jdbc.batchUpdate(sqls.get(i), runs.get(i));
            }
        }
    }
}
