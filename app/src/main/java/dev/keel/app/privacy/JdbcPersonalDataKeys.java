package dev.keel.app.privacy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Data keys in {@code personal_data_key}, wrapped with the master key. A new key is committed in a
 * transaction of its own before it encrypts anything: with Axon Server an event is visible to
 * processors before the transaction of its command commits, so a key written in that transaction
 * could be missing when the event is read (docs/axon-server.md). A key whose command then fails stays,
 * unused, and serves the person's next event. Keys read in a transaction are cached once it commits.
 * Concurrent first events of one person agree on one key (the second insert waits on the first and
 * then reads its key).
 *
 * <p>A subject with no row at all is not an erased one: {@link #find} then throws
 * {@link PersonalDataKeyMissing}, so a reader retries instead of keeping {@code [erased]} for good.
 *
 * <p>Erasure replaces the key with a tombstone and tells every node on commit ({@code NOTIFY
 * keel_personal_data_erased}, heard by {@link ErasedKeysListener}). A key read before an eviction
 * but cached after it would outlive the erasure on this node, so every eviction moves a generation
 * and a key is kept only if no eviction happened since it was read.
 */
class JdbcPersonalDataKeys implements PersonalDataKeys {

    static final String ERASED_CHANNEL = "keel_personal_data_erased";
    private static final int MAX_CACHED = 50_000;

    private final JdbcClient jdbc;
    private final MasterKey master;
    private final Map<String, SecretKey> cache = new ConcurrentHashMap<>();
    /** Erasure is for good, so knowing that a subject was erased never goes stale. */
    private final Set<String> erased = ConcurrentHashMap.newKeySet();
    private final AtomicLong evictions = new AtomicLong();
    /** Runs each key creation in a transaction of its own, committed before the key is used. */
    private final TransactionOperations ownTransaction;

    JdbcPersonalDataKeys(JdbcClient jdbc, MasterKey master, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.master = master;
        var template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.ownTransaction = template;
    }

    /** A stored row: a wrapped key, or none when the subject was erased. */
    private record Stored(byte[] wrapped) {
        boolean erased() {
            return wrapped == null;
        }
    }

    @Override
    public Optional<SecretKey> keyFor(String subjectId) {
        SecretKey cached = cache.get(subjectId);
        if (cached != null || erased.contains(subjectId)) {
            return Optional.ofNullable(cached);
        }
        long generation = evictions.get();
        Optional<Stored> stored = stored(subjectId);
        if (stored.isEmpty()) {
            return create(subjectId);
        }
        return open(subjectId, stored.get(), generation);
    }

    @Override
    public Optional<SecretKey> find(String subjectId) {
        SecretKey cached = cache.get(subjectId);
        if (cached != null || erased.contains(subjectId)) {
            return Optional.ofNullable(cached);
        }
        long generation = evictions.get();
        Stored stored = stored(subjectId).orElseThrow(() -> new PersonalDataKeyMissing(subjectId));
        return open(subjectId, stored, generation);
    }

    @Override
    public void erase(String subjectId) {
        jdbc.sql("""
                        INSERT INTO personal_data_key (subject_id, wrapped_key, created_at, erased_at)
                        VALUES (?, NULL, now(), now())
                        ON CONFLICT (subject_id) DO UPDATE
                            SET wrapped_key = NULL, erased_at = COALESCE(personal_data_key.erased_at, now())""")
                .param(subjectId)
                .update();
        jdbc.sql("SELECT pg_notify(?, ?)").params(ERASED_CHANNEL, subjectId).query().singleRow();
        evict(subjectId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    evict(subjectId);
                }
            });
        }
    }

    /** Forgets this node's copy of one key (another node erased it). */
    void evict(String subjectId) {
        evictions.incrementAndGet();
        cache.remove(subjectId);
    }

    /** Forgets every cached key: notifications may have been missed. */
    void evictAll() {
        evictions.incrementAndGet();
        cache.clear();
    }

    private Optional<Stored> stored(String subjectId) {
        return jdbc.sql("SELECT wrapped_key FROM personal_data_key WHERE subject_id = ?")
                .param(subjectId)
                .query((row, n) -> new Stored(row.getBytes("wrapped_key")))
                .optional();
    }

    private Optional<SecretKey> open(String subjectId, Stored stored, long generation) {
        if (stored.erased()) {
            if (erased.size() >= MAX_CACHED) {
                erased.clear();
            }
            erased.add(subjectId);
            return Optional.empty();
        }
        SecretKey key = unwrap(subjectId, stored.wrapped());
        remember(subjectId, key, generation);
        return Optional.of(key);
    }

    private Optional<SecretKey> create(String subjectId) {
        long generation = evictions.get();
        byte[] wrapped = Aes.encrypt(master.wrappingKey(), Aes.randomKey(), associatedData(subjectId));
        Stored stored = ownTransaction.execute(status -> {
            jdbc.sql("""
                            INSERT INTO personal_data_key (subject_id, wrapped_key, created_at) VALUES (?, ?, now())
                            ON CONFLICT (subject_id) DO NOTHING""")
                    .params(subjectId, wrapped)
                    .update();
            return stored(subjectId).orElseThrow(() -> new IllegalStateException("The data key of " + subjectId
                    + " vanished while it was created"));
        });
        return open(subjectId, stored, generation);
    }

    private void remember(String subjectId, SecretKey key, long generation) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            cache(subjectId, key, generation);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache(subjectId, key, generation);
            }
        });
    }

    /** Put first, then check: an eviction that ran meanwhile took the key out again, or will. */
    private void cache(String subjectId, SecretKey key, long generation) {
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(subjectId, key);
        if (evictions.get() != generation) {
            cache.remove(subjectId, key);
        }
    }

    private SecretKey unwrap(String subjectId, byte[] wrapped) {
        return new SecretKeySpec(Aes.decrypt(master.wrappingKey(), wrapped, associatedData(subjectId)), "AES");
    }

    private static String associatedData(String subjectId) {
        return "data-key:" + subjectId;
    }
}
