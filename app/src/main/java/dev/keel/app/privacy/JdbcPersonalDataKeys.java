package dev.keel.app.privacy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Data keys in {@code personal_data_key}, wrapped with the master key. A new key is written in the
 * transaction of the events it encrypts and is never cached by that transaction, not even after it
 * commits: the command that created it may have rolled back to its savepoint inside a batch that
 * committed (the group-commit bus), taking the row with it. Later transactions read it from the
 * table. Keys read in a transaction are cached once it commits. Concurrent first events of one person
 * agree on one key (the second insert waits on the first and then reads its key).
 *
 * <p>Unwrapped keys are cached per node; {@link #erase} clears this node's cache only, so erasure on
 * several nodes must also clear theirs (the erasure feature's job).
 */
class JdbcPersonalDataKeys implements PersonalDataKeys {

    private static final int MAX_CACHED = 50_000;

    private final JdbcClient jdbc;
    private final MasterKey master;
    private final Map<String, SecretKey> cache = new ConcurrentHashMap<>();
    /** Transaction resource: the subjects whose keys the current transaction created. */
    private final Object createdHere = new Object();

    JdbcPersonalDataKeys(JdbcClient jdbc, MasterKey master) {
        this.jdbc = jdbc;
        this.master = master;
    }

    @Override
    public SecretKey keyFor(String subjectId) {
        return find(subjectId).orElseGet(() -> create(subjectId));
    }

    @Override
    public Optional<SecretKey> find(String subjectId) {
        SecretKey cached = cache.get(subjectId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<SecretKey> stored = jdbc.sql("SELECT wrapped_key FROM personal_data_key WHERE subject_id = ?")
                .param(subjectId)
                .query(byte[].class)
                .optional()
                .map(wrapped -> unwrap(subjectId, wrapped));
        stored.ifPresent(key -> remember(subjectId, key));
        return stored;
    }

    @Override
    public void erase(String subjectId) {
        jdbc.sql("DELETE FROM personal_data_key WHERE subject_id = ?").param(subjectId).update();
        cache.remove(subjectId);
    }

    private SecretKey create(String subjectId) {
        byte[] wrapped = Aes.encrypt(master.wrappingKey(), Aes.randomKey(), associatedData(subjectId));
        jdbc.sql("""
                        INSERT INTO personal_data_key (subject_id, wrapped_key, created_at) VALUES (?, ?, now())
                        ON CONFLICT (subject_id) DO NOTHING""")
                .params(subjectId, wrapped)
                .update();
        createdInThisTransaction().add(subjectId);
        return find(subjectId).orElseThrow(() -> new IllegalStateException("The data key of " + subjectId
                + " vanished while it was created"));
    }

    private void remember(String subjectId, SecretKey key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            cache(subjectId, key);
            return;
        }
        if (createdInThisTransaction().contains(subjectId)) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache(subjectId, key);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private Set<String> createdInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashSet<>();
        }
        var created = (Set<String>) TransactionSynchronizationManager.getResource(createdHere);
        if (created == null) {
            Set<String> fresh = new HashSet<>();
            TransactionSynchronizationManager.bindResource(createdHere, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(createdHere);
                }
            });
            created = fresh;
        }
        return created;
    }

    private void cache(String subjectId, SecretKey key) {
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(subjectId, key);
    }

    private SecretKey unwrap(String subjectId, byte[] wrapped) {
        return new SecretKeySpec(Aes.decrypt(master.wrappingKey(), wrapped, associatedData(subjectId)), "AES");
    }

    private static String associatedData(String subjectId) {
        return "data-key:" + subjectId;
    }
}
