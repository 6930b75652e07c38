package dev.keel.app.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ChainVerifierTest {

    @Test
    void aChainOfSoundLinksEndsAtItsHead() {
        AuditRecord first = AuditRecord.link(AuditRecord.Head.EMPTY, event(10, "a"), "user:1", "STAFF", "c", "d", Origin.NONE);
        AuditRecord second = AuditRecord.link(first.head(), event(12, "b"), "user:1", "STAFF", "c", "d", Origin.NONE);
        ChainVerifier verifier = new ChainVerifier();

        assertThat(verifier.check(first, event(10, "a"))).isTrue();
        assertThat(verifier.check(second, event(12, "b"))).isTrue();

        AuditVerification result = verifier.result();
        assertThat(result.intact()).isTrue();
        assertThat(result.headPosition()).isEqualTo(2);
        assertThat(result.headHash()).isEqualTo(ChainHashes.hex(second.recordHash()));
    }

    @Test
    void movingBytesBetweenFieldsChangesTheHash() {
        StoredEvent one = new StoredEvent(1, "ab", "c", 0, "T", "P", null, "2026-01-01T00:00:00Z", new byte[1], null);
        StoredEvent other = new StoredEvent(1, "a", "bc", 0, "T", "P", null, "2026-01-01T00:00:00Z", new byte[1], null);
        StoredEvent empty = new StoredEvent(1, "ab", "c", 0, "T", "P", "", "2026-01-01T00:00:00Z", new byte[1], null);

        assertThat(one.hash()).isNotEqualTo(other.hash()).isNotEqualTo(empty.hash());
    }

    @Test
    void aRecordWhoseEventChangedIsTheFirstBrokenLink() {
        AuditRecord first = AuditRecord.link(AuditRecord.Head.EMPTY, event(10, "a"), "user:1", "", null, null, Origin.NONE);
        ChainVerifier verifier = new ChainVerifier();

        assertThat(verifier.check(first, event(10, "changed"))).isFalse();

        AuditVerification result = verifier.result();
        assertThat(result.intact()).isFalse();
        assertThat(result.headPosition()).isZero();
        assertThat(result.headHash()).isNull();
        assertThat(result.brokenAt()).isEqualTo(1);
        assertThat(result.brokenGlobalIndex()).isEqualTo(10);
        assertThat(result.problem()).contains("stored event");
    }

    @Test
    void theTimeOfARecordIsKeptToTheMicrosecondPostgresStores() {
        StoredEvent event = new StoredEvent(1, "e", "a", 0, "T", "P", null, "2026-01-01T00:00:00.123456789Z",
                new byte[0], null);

        AuditRecord record = AuditRecord.link(AuditRecord.Head.EMPTY, event, "anonymous", "", null, null, Origin.NONE);

        assertThat(record.occurredAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
    }

    @Test
    void theRecordHashCoversTheOriginAndARecordWithoutOneHashesAsRecordsDidBeforeOrigins() {
        Origin origin = new Origin("account-1", "pd1:ip-ciphertext", "pd1:device-ciphertext");
        AuditRecord withOrigin = AuditRecord.link(AuditRecord.Head.EMPTY, event(10, "a"), "user:1", "", "c", "d", origin);
        AuditRecord withoutOrigin = AuditRecord.link(AuditRecord.Head.EMPTY, event(10, "a"), "user:1", "", "c", "d",
                Origin.NONE);
        AuditRecord otherIp = AuditRecord.link(AuditRecord.Head.EMPTY, event(10, "a"), "user:1", "", "c", "d",
                new Origin("account-1", "pd1:other-ciphertext", "pd1:device-ciphertext"));

        assertThat(withOrigin.recordHash()).isNotEqualTo(withoutOrigin.recordHash()).isNotEqualTo(otherIp.recordHash());
        // a record from before origins were kept: the fields it had, nothing appended
        assertThat(withoutOrigin.recordHash()).isEqualTo(ChainHashes.digest()
                .add(ChainHashes.GENESIS).add(1L).add(10L).add("event-10").add("dev.keel.api.catalog.ProductCreated")
                .add("Product").add("aggregate").add(0L).add("2026-01-01T00:00:00Z")
                .add("user:1").add("").add("c").add("d").add(event(10, "a").hash())
                .finish());
    }

    private static StoredEvent event(long globalIndex, String payload) {
        return new StoredEvent(globalIndex, "event-" + globalIndex, "aggregate", 0, "Product",
                "dev.keel.api.catalog.ProductCreated", null, "2026-01-01T00:00:00Z", payload.getBytes(), "{}".getBytes());
    }
}
