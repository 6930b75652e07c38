package dev.keel.app.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Deletes the start of the chain up to a moment, and records the signed checkpoint that verification
 * starts from instead (docs/audit.md, "Retention"). Only a prefix: deleting from the middle would
 * break every link after it. The head record is always kept, because the trail appends after it.
 */
@Component
class AuditPruning {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final CheckpointSigner signer;

    AuditPruning(JdbcClient jdbc, PlatformTransactionManager transactions, CheckpointSigner signer) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.signer = signer;
    }

    /** Deletes every record before the first one that occurred at or after {@code cutoff}; empty if none. */
    Optional<AuditCheckpoint> pruneBefore(Instant cutoff, Instant now) {
        return transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('keel-audit-retention'))").query().singleRow();
            AuditCheckpoint current = latest();
            // in chain order, the scan stops at the first record to keep: it reads only what it deletes
            Long last = jdbc.sql("""
                            SELECT coalesce((SELECT chain_position FROM audit_record WHERE occurred_at >= ?
                                             ORDER BY chain_position LIMIT 1),
                                            (SELECT max(chain_position) FROM audit_record)) - 1""")
                    .param(cutoff.atOffset(ZoneOffset.UTC)).query(Long.class).optional().orElse(null);
            if (last == null || last <= current.chainPosition()) {
                return Optional.empty();
            }
            byte[] hash = jdbc.sql("SELECT record_hash FROM audit_record WHERE chain_position = ?").param(last)
                    .query(byte[].class).single();
            long deleted = jdbc.sql("DELETE FROM audit_record WHERE chain_position <= ?").param(last).update();
            var unsigned = new AuditCheckpoint(last, hash, now.truncatedTo(ChronoUnit.MICROS),
                    deleted, new byte[0]);
            var checkpoint = new AuditCheckpoint(last, hash, unsigned.prunedAt(), deleted, signer.sign(unsigned));
            jdbc.sql("""
                            INSERT INTO audit_checkpoint (chain_position, record_hash, pruned_at, records_pruned, signature)
                            VALUES (?, ?, ?, ?, ?)""")
                    .params(last, hash, OffsetDateTime.ofInstant(checkpoint.prunedAt(), ZoneOffset.UTC), deleted,
                            checkpoint.signature())
                    .update();
            return Optional.of(checkpoint);
        });
    }

    /** The newest checkpoint, {@link AuditCheckpoint#NONE} while nothing was ever pruned. */
    AuditCheckpoint latest() {
        return jdbc.sql("""
                        SELECT chain_position, record_hash, pruned_at, records_pruned, signature FROM audit_checkpoint
                        ORDER BY chain_position DESC LIMIT 1""")
                .query((row, n) -> new AuditCheckpoint(row.getLong("chain_position"), row.getBytes("record_hash"),
                        row.getObject("pruned_at", OffsetDateTime.class).toInstant(), row.getLong("records_pruned"),
                        row.getBytes("signature")))
                .optional().orElse(AuditCheckpoint.NONE);
    }
}
