package dev.keel.app.audit;

import java.util.Arrays;

/**
 * Walks the chain from its first record, each with the stored event it names (or none), and stops
 * at the first link that does not hold: a missing or moved record (its position or its pointer back
 * is wrong), a changed record (its own hash), or a changed, moved or deleted event (its hash).
 */
final class ChainVerifier {

    private final long startsAfter;
    private AuditRecord.Head head;
    private long checked;
    private AuditRecord broken;
    private String problem;

    ChainVerifier() {
        this(AuditCheckpoint.NONE);
    }

    /** Starts after a retention checkpoint: its record is the one the first kept record points back to. */
    ChainVerifier(AuditCheckpoint start) {
        this.startsAfter = start.chainPosition();
        this.head = start.head();
    }

    /** @return whether to go on: false once a link is broken */
    boolean check(AuditRecord record, StoredEvent event) {
        return check(record, event == null ? null : event.hash());
    }

    /**
     * @param eventHash the hash, in the record's {@link EventHashForm}, of the event the store holds now
     *                  at the record's global index; null when it holds none
     * @return whether to go on: false once a link is broken
     */
    boolean check(AuditRecord record, byte[] eventHash) {
        problem = problemOf(record, eventHash);
        if (problem != null) {
            broken = record;
            return false;
        }
        head = record.head();
        checked++;
        return true;
    }

    AuditVerification result() {
        return AuditVerification.of(startsAfter, checked, head, broken, problem);
    }

    private String problemOf(AuditRecord record, byte[] eventHash) {
        if (record.chainPosition() != head.chainPosition() + 1) {
            return "record " + (head.chainPosition() + 1) + " is missing: after " + head.chainPosition()
                    + " comes " + record.chainPosition();
        }
        if (!Arrays.equals(record.previousHash(), head.recordHash())) {
            return "the record does not point back to record " + head.chainPosition()
                    + ": records were removed, reordered or rewritten";
        }
        if (!Arrays.equals(record.hash(), record.recordHash())) {
            return "the record was changed after it was written";
        }
        if (eventHash == null) {
            return "its event (global index " + record.globalIndex() + ") is no longer in the event store";
        }
        if (!Arrays.equals(eventHash, record.eventHash())) {
            return "its stored event (global index " + record.globalIndex() + ") was changed, moved or replaced";
        }
        return null;
    }
}
