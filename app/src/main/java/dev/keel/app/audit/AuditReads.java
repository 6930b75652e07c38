package dev.keel.app.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the chain: pages of it, and walks of all of it that stream through a server-side cursor
 * (a read-only transaction with a fetch size), so a walk holds one fetch of rows, never the chain.
 */
@Component
class AuditReads {

    static final int FETCH_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final AuditPruning pruning;
    private final CheckpointSigner signer;
    private final EventStreams streams;

    AuditReads(DataSource dataSource, PlatformTransactionManager transactions, AuditPruning pruning,
               CheckpointSigner signer, EventStreams streams) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        // the checkpoint and the records in one snapshot, so a retention run between them is not a gap
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.pruning = pruning;
        this.signer = signer;
        this.streams = streams;
    }

    List<AuditRecord> page(AuditFilter filter, long afterPosition, int size) {
        AuditFilter.Where where = filter.where(afterPosition);
        List<Object> params = new ArrayList<>(where.params());
        params.add(size);
        return jdbc.query("SELECT " + AuditRecord.COLUMNS + " FROM audit_record a WHERE " + where.sql()
                + " ORDER BY a.chain_position LIMIT ?", (row, n) -> AuditRecord.from(row), params.toArray());
    }

    /** Up to {@code limit} records after {@code afterPosition}, in chain order, whatever they hold. */
    List<AuditRecord> after(long afterPosition, int limit) {
        return jdbc.query("SELECT " + AuditRecord.COLUMNS + " FROM audit_record a WHERE a.chain_position > ?"
                + " ORDER BY a.chain_position LIMIT ?", (row, n) -> AuditRecord.from(row), afterPosition, limit);
    }

    /** The records at these positions, in chain order; a position retention has deleted is left out. */
    List<AuditRecord> at(List<Long> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + AuditRecord.COLUMNS + " FROM audit_record a WHERE a.chain_position = ANY (?)"
                        + " ORDER BY a.chain_position", (row, n) -> AuditRecord.from(row),
                (Object) positions.toArray(Long[]::new));
    }

    /**
     * Walks the whole chain with the events it names, in one snapshot, up to the first broken link,
     * from the start or from the newest retention checkpoint, whose signature must hold.
     */
    AuditVerification verify() {
        return readOnly.execute(status -> {
            AuditCheckpoint start = pruning.latest();
            return signer.holds(start) ? walk(start) : AuditVerification.forgedCheckpoint(start);
        });
    }

    /**
     * A record of the stored-row form is checked against its row (a LEFT JOIN), one of the message form
     * against the event the store streams at its global index (Axon Server keeps no row).
     */
    private AuditVerification walk(AuditCheckpoint start) {
        try (StreamedEvents streamed = streams.from(() -> lowestMessageIndex(start))) {
            return jdbc.query("SELECT " + AuditRecord.COLUMNS + ", " + StoredEvent.COLUMNS
                    + " FROM audit_record a LEFT JOIN domain_event_entry e ON e.global_index = a.global_index"
                    + " ORDER BY a.chain_position", rows -> {
                ChainVerifier verifier = new ChainVerifier(start);
                boolean holds = true;
                while (holds && rows.next()) {
                    AuditRecord record = AuditRecord.from(rows);
                    holds = record.eventHashForm() == EventHashForm.MESSAGE
                            ? verifier.check(record, streamed.hashAt(record.globalIndex()))
                            : verifier.check(record, StoredEvent.from(rows));
                }
                return verifier.result();
            });
        }
    }

    private long lowestMessageIndex(AuditCheckpoint start) {
        Long lowest = jdbc.queryForObject("SELECT min(global_index) FROM audit_record"
                + " WHERE event_hash_form = 'message' AND chain_position > ?", Long.class, start.chainPosition());
        return lowest == null ? 0 : lowest;
    }
}
