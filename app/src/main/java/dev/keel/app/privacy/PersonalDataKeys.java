package dev.keel.app.privacy;

import javax.crypto.SecretKey;
import java.util.Optional;

/**
 * The per-person data keys, in their own table. Erasing a person is {@link #erase}: their events then
 * read back with personal fields replaced by the erased marker, on every node.
 */
public interface PersonalDataKeys {

    /**
     * The subject's key, created on first use and committed before it is returned, in a transaction of
     * its own; empty once the subject was erased, because no key is ever made for them again (their
     * later events keep no personal data at all).
     */
    Optional<SecretKey> keyFor(String subjectId);

    /**
     * The subject's key, or empty when it was erased (a tombstone says so).
     *
     * @throws PersonalDataKeyMissing when there is no key and no tombstone: what was sealed under it
     *                                is not erased, and must be read again later (docs/axon-server.md)
     */
    Optional<SecretKey> find(String subjectId);

    /**
     * Destroys the subject's key for good, in the current transaction, and leaves a tombstone so none
     * is made again. Once the transaction commits, every node forgets the key it may have cached.
     */
    void erase(String subjectId);
}
