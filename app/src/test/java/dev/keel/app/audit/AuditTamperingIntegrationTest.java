package dev.keel.app.audit;

import dev.keel.app.KeelIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Someone with write access to the database changes, deletes or reorders one stored event or one
 * audit row, and the verification names the first broken link. Each test puts the row back, so the
 * chain verifies again for the tests that follow in this JVM (they share the database).
 */
class AuditTamperingIntegrationTest extends KeelIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    String productId;
    List<Long> positions;
    List<Long> indexes;

    @BeforeEach
    void aProductWithThreeAuditedEvents() {
        productId = catalog.createProduct("Tamper target", 100);
        catalog.reprice(productId, 0, 200);
        catalog.reprice(productId, 1, 300);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM audit_record WHERE aggregate_id = ?").param(productId).query(Long.class).single() == 3);
        positions = jdbc.sql("SELECT chain_position FROM audit_record WHERE aggregate_id = ? ORDER BY aggregate_sequence")
                .param(productId).query(Long.class).list();
        indexes = jdbc.sql("SELECT global_index FROM audit_record WHERE aggregate_id = ? ORDER BY aggregate_sequence")
                .param(productId).query(Long.class).list();
        assertThat(verify().get("intact")).as("the chain before tampering").isEqualTo(true);
    }

    @Test
    void aCleanChainVerifiesUpToItsHead() {
        Map<?, ?> verification = verify();

        assertThat(((Number) verification.get("headPosition")).longValue()).isGreaterThanOrEqualTo(positions.get(2));
        assertThat(((Number) verification.get("recordsVerified")).longValue())
                .isEqualTo(((Number) verification.get("headPosition")).longValue()
                        - ((Number) verification.get("startsAfter")).longValue());
        assertThat((String) verification.get("headHash")).hasSize(64);
        assertThat(verification.get("brokenAt")).isNull();
        assertThat(verification.get("problem")).isNull();
    }

    @Test
    void aChangedEventPayloadIsFound() {
        byte[] payload = jdbc.sql("SELECT payload FROM domain_event_entry WHERE global_index = ?").param(indexes.get(1))
                .query(byte[].class).single();
        String forged = new String(payload).replace("200", "201");
        assertThat(forged).isNotEqualTo(new String(payload));
        try {
            setPayload(indexes.get(1), forged.getBytes());
            assertBrokenAt(positions.get(1), "was changed");
        } finally {
            setPayload(indexes.get(1), payload);
        }
        assertThat(verify().get("intact")).isEqualTo(true);
    }

    @Test
    void aDeletedEventIsFound() {
        Map<String, Object> row = jdbc.sql("SELECT * FROM domain_event_entry WHERE global_index = ?")
                .param(indexes.get(2)).query().singleRow();
        try {
            jdbc.sql("DELETE FROM domain_event_entry WHERE global_index = ?").param(indexes.get(2)).update();
            assertBrokenAt(positions.get(2), "no longer in the event store");
        } finally {
            jdbc.sql("""
                            INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                                event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                            VALUES (:global_index, :aggregate_identifier, :sequence_number, :type, :event_identifier,
                                :meta_data, :payload, :payload_revision, :payload_type, :time_stamp)""")
                    .params(row).update();
        }
        assertThat(verify().get("intact")).isEqualTo(true);
    }

    @Test
    void reorderedEventsAreFound() {
        try {
            swapEvents(indexes.get(0), indexes.get(1));
            assertBrokenAt(positions.get(0), "was changed, moved or replaced");
        } finally {
            swapEvents(indexes.get(0), indexes.get(1));
        }
        assertThat(verify().get("intact")).isEqualTo(true);
    }

    @Test
    void aChangedAuditRowIsFound() {
        String actor = jdbc.sql("SELECT actor FROM audit_record WHERE chain_position = ?").param(positions.get(1))
                .query(String.class).single();
        try {
            setActor(positions.get(1), "user:" + UUID.randomUUID());
            assertBrokenAt(positions.get(1), "record was changed");
        } finally {
            setActor(positions.get(1), actor);
        }
        assertThat(verify().get("intact")).isEqualTo(true);
    }

    @Test
    void aChangedOrDroppedOriginInAnAuditRowIsFound() {
        Map<String, Object> origin = jdbc.sql(
                        "SELECT personal_data_of, client_ip, device_id FROM audit_record WHERE chain_position = ?")
                .param(positions.get(1)).query().singleRow();
        assertThat((String) origin.get("client_ip")).as("the fixture's request has an IP").startsWith("pd1:");
        try {
            setOrigin(positions.get(1), origin.get("personal_data_of"), "pd1:AAAA", origin.get("device_id"));
            assertBrokenAt(positions.get(1), "record was changed");
            setOrigin(positions.get(1), null, null, null);
            assertBrokenAt(positions.get(1), "record was changed");
        } finally {
            setOrigin(positions.get(1), origin.get("personal_data_of"), origin.get("client_ip"), origin.get("device_id"));
        }
        assertThat(verify().get("intact")).isEqualTo(true);
    }

    void setOrigin(long chainPosition, Object personalDataOf, Object clientIp, Object deviceId) {
        jdbc.sql("UPDATE audit_record SET personal_data_of = ?, client_ip = ?, device_id = ? WHERE chain_position = ?")
                .params(personalDataOf, clientIp, deviceId, chainPosition).update();
    }

    @Test
    void aDeletedAuditRowIsFoundAtTheRecordAfterIt() {
        Map<String, Object> row = jdbc.sql("SELECT * FROM audit_record WHERE chain_position = ?")
                .param(positions.get(0)).query().singleRow();
        try {
            jdbc.sql("DELETE FROM audit_record WHERE chain_position = ?").param(positions.get(0)).update();
            assertBrokenAt(positions.get(0) + 1, positions.get(0) - 1, "record " + positions.get(0) + " is missing");
        } finally {
            jdbc.sql("""
                            INSERT INTO audit_record (chain_position, global_index, event_identifier, event_type,
                                aggregate_type, aggregate_id, aggregate_sequence, occurred_at, actor, roles,
                                correlation_id, causation_id, personal_data_of, client_ip, device_id, event_hash,
                                previous_hash, record_hash)
                            VALUES (:chain_position, :global_index, :event_identifier, :event_type, :aggregate_type,
                                :aggregate_id, :aggregate_sequence, :occurred_at, :actor, :roles, :correlation_id,
                                :causation_id, :personal_data_of, :client_ip, :device_id, :event_hash, :previous_hash,
                                :record_hash)""")
                    .params(row).update();
        }
        assertThat(verify().get("intact")).isEqualTo(true);
    }

    @Test
    void reorderedAuditRowsAreFound() {
        try {
            swapRecords(positions.get(0), positions.get(2));
            assertBrokenAt(positions.get(0), "does not point back");
        } finally {
            swapRecords(positions.get(0), positions.get(2));
        }
        assertThat(verify().get("intact")).isEqualTo(true);
    }

    void assertBrokenAt(long chainPosition, String problem) {
        assertBrokenAt(chainPosition, chainPosition - 1, problem);
    }

    void assertBrokenAt(long chainPosition, long lastSound, String problem) {
        Map<?, ?> verification = verify();
        assertThat(verification.get("intact")).isEqualTo(false);
        assertThat(((Number) verification.get("brokenAt")).longValue()).isEqualTo(chainPosition);
        assertThat((String) verification.get("problem")).contains(problem);
        assertThat(((Number) verification.get("headPosition")).longValue()).isEqualTo(lastSound);
    }

    Map<?, ?> verify() {
        return web.get().uri("/v1/audit/verification")
                .headers(h -> h.setBearerAuth(tokens.forUser(UUID.randomUUID().toString(), "COMPLIANCE")))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    void setPayload(long globalIndex, byte[] payload) {
        jdbc.sql("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?").params(payload, globalIndex).update();
    }

    void setActor(long chainPosition, String actor) {
        jdbc.sql("UPDATE audit_record SET actor = ? WHERE chain_position = ?").params(actor, chainPosition).update();
    }

    void swapEvents(long first, long second) {
        swap("domain_event_entry", "global_index", first, second);
    }

    void swapRecords(long first, long second) {
        swap("audit_record", "chain_position", first, second);
    }

    /** Through a free negative value: the key is checked row by row. */
    void swap(String table, String key, long first, long second) {
        String move = "UPDATE " + table + " SET " + key + " = ? WHERE " + key + " = ?";
        jdbc.sql(move).params(-first, first).update();
        jdbc.sql(move).params(first, second).update();
        jdbc.sql(move).params(second, -first).update();
    }
}
