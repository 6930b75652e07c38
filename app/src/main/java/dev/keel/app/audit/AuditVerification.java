package dev.keel.app.audit;

import org.jspecify.annotations.Nullable;

/**
 * What a walk of the whole chain found. The four {@code broken*} fields name the first link that
 * does not hold; all null when the chain is intact.
 *
 * @param intact                every record and every event it names are as they were written
 * @param startsAfter           the chain position of the last record deleted for retention; the walk starts
 *                              after it, from its signed checkpoint (0: nothing was deleted)
 * @param recordsVerified       the records checked and found sound, from the first kept
 * @param headPosition          the chain position of the last sound record (0: none)
 * @param headHash              that record's hash, hex: compare it with an anchored copy (docs/audit.md)
 * @param brokenAt              the chain position where the chain stops holding
 * @param brokenGlobalIndex     the event store position the record there names
 * @param brokenEventIdentifier the id of the event that record names
 * @param problem               what is wrong there, in words
 */
public record AuditVerification(boolean intact, long startsAfter, long recordsVerified, long headPosition, @Nullable String headHash,
                                @Nullable Long brokenAt, @Nullable Long brokenGlobalIndex,
                                @Nullable String brokenEventIdentifier, @Nullable String problem) {

    static AuditVerification of(long startsAfter, long recordsVerified, AuditRecord.Head head,
                                @Nullable AuditRecord broken, @Nullable String problem) {
        String headHash = head.chainPosition() == 0 ? null : ChainHashes.hex(head.recordHash());
        return broken == null
                ? new AuditVerification(true, startsAfter, recordsVerified, head.chainPosition(), headHash, null, null,
                        null, null)
                : new AuditVerification(false, startsAfter, recordsVerified, head.chainPosition(), headHash,
                        broken.chainPosition(), broken.globalIndex(), broken.eventIdentifier(), problem);
    }

    /** The checkpoint the walk would start from is not the one Keel signed: nothing after it can be trusted. */
    static AuditVerification forgedCheckpoint(AuditCheckpoint checkpoint) {
        return new AuditVerification(false, checkpoint.chainPosition(), 0, 0, null, checkpoint.chainPosition(), null,
                null, "the retention checkpoint after record " + checkpoint.chainPosition()
                        + " was changed or forged: its signature does not hold");
    }
}
