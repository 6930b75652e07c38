package dev.keel.app.privacy;

/**
 * Something sealed under a subject's key was read, but the key is neither there nor erased (no
 * tombstone). It is not erased data: the key's commit is not visible yet (a reader ahead of a
 * PostgreSQL commit), or this database lost it (a restore older than the event store). Reading it as
 * {@code [erased]} would keep a read model wrong for good, so the read fails and an event processor
 * retries its batch with backoff until the key is there.
 */
public class PersonalDataKeyMissing extends RuntimeException {

    PersonalDataKeyMissing(String subjectId) {
        super("No data key and no erasure tombstone for subject " + subjectId
                + "; retrying until its key is visible (a key is committed before its events are stored)");
    }
}
