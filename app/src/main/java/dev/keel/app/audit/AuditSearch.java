package dev.keel.app.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /v1/audit}: Elasticsearch finds the matching positions, PostgreSQL (the chain of
 * record) gives the records. The index is a prefix of the chain; the records linked since its last
 * batch are searched in PostgreSQL, after the highest position the same search saw, so a page is
 * complete and in chain order however far the index lags. With Elasticsearch unreachable, PostgreSQL
 * answers alone (slower for a time range alone).
 */
@Component
class AuditSearch {

    private static final Logger log = LoggerFactory.getLogger(AuditSearch.class);

    private final AuditIndex index;
    private final AuditReads reads;
    private final AuditPruning pruning;

    AuditSearch(AuditIndex index, AuditReads reads, AuditPruning pruning) {
        this.index = index;
        this.reads = reads;
        this.pruning = pruning;
    }

    /** @return up to {@code size} records after {@code afterPosition}; fewer only on the last page */
    List<AuditRecord> page(AuditFilter filter, long afterPosition, int size) {
        // documents at or before the checkpoint may still await deletion from the index
        long after = Math.max(afterPosition, pruning.latest().chainPosition());
        AuditIndex.Found found;
        try {
            found = index.search(filter, after, size);
        } catch (IOException | RuntimeException e) {
            log.warn("Audit search falls back to PostgreSQL: {}", e.toString());
            return reads.page(filter, after, size);
        }
        List<AuditRecord> records = new ArrayList<>(reads.at(found.positions()));
        if (found.positions().size() < size) {
            records.addAll(reads.page(filter, Math.max(after, found.indexedUpTo()), size - found.positions().size()));
        }
        return records;
    }
}
