package dev.keel.app.audit;

import java.time.Instant;

/**
 * Where the chain starts once its oldest records were deleted for retention: the last deleted
 * record's position and hash, which the first kept record points back to. Signed with a key derived
 * from the master key, which lives outside the database, so whoever can only write the database can
 * delete more of the chain's start but not make a checkpoint that hides it.
 */
record AuditCheckpoint(long chainPosition, byte[] recordHash, Instant prunedAt, long recordsPruned, byte[] signature) {

    static final AuditCheckpoint NONE = new AuditCheckpoint(0, ChainHashes.GENESIS, Instant.EPOCH, 0, new byte[0]);

    AuditRecord.Head head() {
        return new AuditRecord.Head(chainPosition, recordHash);
    }

    /** What the signature covers: every other field, length-prefixed like the chain's hashes. */
    byte[] signed() {
        return ChainHashes.digest().add("audit-checkpoint").add(chainPosition).add(recordHash)
                .add(prunedAt.toString()).add(recordsPruned).finish();
    }
}
