package dev.keel.command.idempotency;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Idempotency records in PostgreSQL, always used inside the command's transaction. */
@Component
class IdempotencyStore {

    private static final int CLEANUP_CHUNK = 10_000;

    /** An earlier request under the same key. */
    record Earlier(String fingerprint, Object result) {
    }

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final IdempotencyProperties properties;

    IdempotencyStore(JdbcClient jdbc, Serializer serializer, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.properties = properties;
    }

    /**
     * Claims the key for this request, or finds the live earlier request that holds it. A concurrent
     * request with the same key waits here until the first one commits or rolls back.
     */
    Optional<Earlier> claim(String actor, String key, String fingerprint) {
        int claimed = jdbc.sql("""
                        INSERT INTO idempotency_record (actor, idempotency_key, fingerprint, created_at)
                        VALUES (?, ?, ?, now())
                        ON CONFLICT (actor, idempotency_key) DO UPDATE
                        SET fingerprint = EXCLUDED.fingerprint, created_at = EXCLUDED.created_at,
                            result_type = NULL, result_revision = NULL, result = NULL
                        WHERE idempotency_record.created_at < ?""")
                .params(actor, key, fingerprint, expiredBefore())
                .update();
        if (claimed == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("""
                        SELECT fingerprint, result_type, result_revision, result
                        FROM idempotency_record WHERE actor = ? AND idempotency_key = ?""")
                .params(actor, key)
                .query((row, n) -> new Earlier(row.getString("fingerprint"),
                        deserialize(row.getString("result_type"), row.getString("result_revision"),
                                row.getBytes("result"))))
                .single());
    }

    void complete(String actor, String key, Object result) {
        SerializedObject<byte[]> serialized = result == null ? null : serializer.serialize(result, byte[].class);
        jdbc.sql("""
                        UPDATE idempotency_record SET result_type = ?, result_revision = ?, result = ?
                        WHERE actor = ? AND idempotency_key = ?""")
                .params(serialized == null ? null : serialized.getType().getName(),
                        serialized == null ? null : serialized.getType().getRevision(),
                        serialized == null ? null : serialized.getData(),
                        actor, key)
                .update();
    }

    /** In chunks, so each statement stays well inside the database's time limit however much expired. */
    @Scheduled(fixedDelayString = "${keel.idempotency.cleanup-interval:PT1H}", initialDelayString = "PT1M")
    void deleteExpired() {
        OffsetDateTime before = expiredBefore();
        while (jdbc.sql("""
                        DELETE FROM idempotency_record WHERE ctid = ANY(ARRAY(
                            SELECT ctid FROM idempotency_record WHERE created_at < ? LIMIT ?))""")
                .params(before, CLEANUP_CHUNK).update() == CLEANUP_CHUNK) {
            // and the next chunk
        }
    }

    private OffsetDateTime expiredBefore() {
        return Instant.now().minus(properties.retention()).atOffset(ZoneOffset.UTC);
    }

    private Object deserialize(String type, String revision, byte[] data) {
        if (type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(data, byte[].class, type, revision));
    }
}
