package dev.keel.app.audit;

import com.google.protobuf.ByteString;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.app.axonserver.AxonServerLink;
import dev.keel.testing.IdentityFixtures;
import io.axoniq.axonserver.grpc.MetaDataValue;
import io.axoniq.axonserver.grpc.event.Event;
import org.axonframework.axonserver.connector.event.axon.GrpcBackedDomainEventData;
import org.axonframework.axonserver.connector.event.axon.GrpcMetaDataAwareSerializer;
import org.axonframework.axonserver.connector.util.GrpcMetaDataConverter;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.keel.testing.IdentityFixtures.PASSWORD;
import static dev.keel.testing.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit trail as the {@code axonserver} profile runs it, through the seams of
 * {@code dev.keel.app.axonserver}: events hashed as the processor receives them (the message form),
 * since Axon Server keeps no {@code domain_event_entry} row, and verified against a stream of the
 * event store. The events still land in {@code domain_event_entry} here, so the message form's hash
 * can be checked against the row's own bytes, and a changed row stands for a changed Axon Server store.
 */
class AuditTrailUnderAxonServerIntegrationTest extends KeelIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AxonServerLink link;
    @Autowired
    EventStorageEngine engine;
    @Autowired
    DeliveredEvents deliveries;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    JsonMapper json;

    String productId;
    List<Long> positions;
    List<Long> indexes;

    @BeforeEach
    void aProductAuditedAsAxonServerDeliversIt() {
        link.emulate();
        productId = catalog.createProduct("Hashed as delivered", 100);
        catalog.reprice(productId, 0, 200);
        catalog.reprice(productId, 1, 300);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM audit_record WHERE aggregate_id = ?").param(productId).query(Long.class).single() == 3);
        positions = jdbc.sql("SELECT chain_position FROM audit_record WHERE aggregate_id = ? ORDER BY aggregate_sequence")
                .param(productId).query(Long.class).list();
        indexes = jdbc.sql("SELECT global_index FROM audit_record WHERE aggregate_id = ? ORDER BY aggregate_sequence")
                .param(productId).query(Long.class).list();
        assertThat(jdbc.sql("SELECT DISTINCT event_hash_form FROM audit_record WHERE aggregate_id = ?")
                .param(productId).query(String.class).list()).containsExactly("message");
    }

    @AfterEach
    void backToTheDefault() {
        link.stopEmulating();
    }

    @Test
    void theMessageFormHashesTheStoredRowsOwnPayloadBytes() {
        Map<String, Object> row = row(indexes.getFirst());
        byte[] recorded = jdbc.sql("SELECT event_hash FROM audit_record WHERE global_index = ?")
                .param(indexes.getFirst()).query(byte[].class).single();

        DeliveredEvent streamed = deliveries.read(readFromTheStore(indexes.getFirst())).event();

        assertThat(streamed.payload()).isEqualTo(row.get("payload"));
        assertThat(streamed.hash()).isEqualTo(ofTheRow(row).hash()).isEqualTo(recorded);
    }

    /** Bytes the serializer would not write (indented JSON) come back as they are: nothing is serialized again. */
    @Test
    void thePayloadIsTheStoredBytesEvenWhereTheSerializerWouldWriteOthers() {
        byte[] payload = (byte[]) row(indexes.getFirst()).get("payload");
        byte[] indented = indented(payload);
        try {
            setPayload(indexes.getFirst(), indented);
            assertThat(deliveries.read(readFromTheStore(indexes.getFirst())).event().payload()).isEqualTo(indented);
        } finally {
            setPayload(indexes.getFirst(), payload);
        }
    }

    /**
     * As Axon Server's connector delivers it: the stored bytes in a gRPC event, read by its engine's
     * serializer ({@link GrpcMetaDataAwareSerializer} around Keel's), metadata as a map of typed values.
     * The payload handed back is the stored bytes (here indented, which Keel's serializer never
     * writes), not a new serialization, and the metadata's canonical form is its stored row's.
     */
    @Test
    void readAsTheAxonServerConnectorReadsItThePayloadIsTheStoredBytes() {
        Map<String, Object> row = row(indexes.getFirst());
        Map<String, Object> storedMetadata = metadataOf(row);
        GrpcMetaDataConverter converter = new GrpcMetaDataConverter(eventSerializer);
        Map<String, MetaDataValue> grpcMetadata = new LinkedHashMap<>();
        storedMetadata.forEach((key, value) -> grpcMetadata.put(key, converter.convertToMetaDataValue(value)));
        Event event = Event.newBuilder()
                .setMessageIdentifier((String) row.get("event_identifier"))
                .setAggregateIdentifier((String) row.get("aggregate_identifier"))
                .setAggregateSequenceNumber((Long) row.get("sequence_number"))
                .setAggregateType((String) row.get("type"))
                .setTimestamp(Instant.parse((String) row.get("time_stamp")).toEpochMilli())
                .setPayload(io.axoniq.axonserver.grpc.SerializedObject.newBuilder()
                        .setType((String) row.get("payload_type"))
                        .setRevision((String) row.get("payload_revision"))
                        .setData(ByteString.copyFrom(indented((byte[]) row.get("payload")))))
                .putAllMetaData(grpcMetadata)
                .build();
        TrackedEventMessage<?> delivered = EventUtils.upcastAndDeserializeTrackedEvents(
                Stream.of(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(indexes.getFirst()),
                        new GrpcBackedDomainEventData(event))),
                new GrpcMetaDataAwareSerializer(eventSerializer), NoOpEventUpcaster.INSTANCE).findFirst().orElseThrow();

        DeliveredEvent read = deliveries.read(delivered).event();

        assertThat(read.payload()).as("as stored, not as the serializer writes it")
                .isEqualTo(indented((byte[]) row.get("payload")));
        assertThat(read.globalIndex()).isEqualTo(indexes.getFirst());
        assertThat(read.metadataDigest()).isEqualTo(CanonicalMetadata.digest(storedMetadata));
    }

    @Test
    void theCanonicalMetadataSurvivesTheConnectorsRoundTrip() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("actor", "user:" + UUID.randomUUID());
        values.put("roles", new ArrayList<>(List.of("CUSTOMER", "STAFF")));
        values.put("attempt", 3);
        values.put("large", 1L << 40);
        values.put("ratio", 0.25d);
        values.put("replayed", true);
        values.put("clientIp", "pd1:c2VhbGVk");
        GrpcMetaDataConverter converter = new GrpcMetaDataConverter(eventSerializer);
        Map<String, MetaDataValue> onTheWire = new LinkedHashMap<>();
        values.forEach((key, value) -> onTheWire.put(key, converter.convertToMetaDataValue(value)));

        MetaData back = converter.convert(onTheWire);

        assertThat(CanonicalMetadata.digest(back)).isEqualTo(CanonicalMetadata.digest(MetaData.from(values)));
        Map<String, Object> retyped = new LinkedHashMap<>(values);
        retyped.put("attempt", "3");
        assertThat(CanonicalMetadata.digest(retyped)).as("a value's type is hashed")
                .isNotEqualTo(CanonicalMetadata.digest(values));
    }

    @Test
    void verificationReadsTheStreamAndNamesTheFirstChangedPayload() {
        assertThat(verify().get("intact")).as("the chain before tampering").isEqualTo(true);
        byte[] payload = (byte[]) row(indexes.get(1)).get("payload");
        String forged = new String(payload).replace("200", "201");
        assertThat(forged).isNotEqualTo(new String(payload));
        try {
            setPayload(indexes.get(1), forged.getBytes());
            Map<?, ?> verification = verify();
            assertThat(verification.get("intact")).isEqualTo(false);
            assertThat(((Number) verification.get("brokenAt")).longValue()).isEqualTo(positions.get(1));
            assertThat(((Number) verification.get("brokenGlobalIndex")).longValue()).isEqualTo(indexes.get(1));
            assertThat((String) verification.get("problem")).contains("was changed");
            assertThat(((Number) verification.get("headPosition")).longValue()).isEqualTo(positions.get(1) - 1);
        } finally {
            setPayload(indexes.get(1), payload);
        }
        assertThat(verify().get("intact")).isEqualTo(true);
    }

    /**
     * The message form hashes the metadata as stored, sealed: erasing the person's key changes no hash,
     * and the record's origin is the event's own ciphertext, never plaintext.
     */
    @Test
    void anErasureLeavesMessageFormRecordsVerifiableAndTheirOriginSealed() {
        IdentityFixtures.Session me = identity.registerVerified(uniqueEmail(), PASSWORD, "Erased later",
                IdentityFixtures.newDevice());
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM audit_record WHERE aggregate_id = ? AND client_ip IS NOT NULL")
                .param(me.accountId()).query(Long.class).single() > 0);
        assertThat(jdbc.sql("SELECT DISTINCT event_hash_form FROM audit_record WHERE aggregate_id = ?")
                .param(me.accountId()).query(String.class).list()).containsExactly("message");
        assertThat(jdbc.sql("SELECT client_ip FROM audit_record WHERE aggregate_id = ? AND client_ip IS NOT NULL")
                .param(me.accountId()).query(String.class).list()).allMatch(ip -> ip.startsWith("pd1:"));

        web.delete().uri("/v1/me").headers(h -> h.setBearerAuth(me.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .exchange().expectStatus().isNoContent();

        assertThat(jdbc.sql("SELECT erased_at IS NOT NULL FROM personal_data_key WHERE subject_id = ?")
                .param(me.accountId()).query(Boolean.class).single()).isTrue();
        assertThat(verify().get("intact")).isEqualTo(true);
    }

    private byte[] indented(byte[] payload) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(json.readTree(payload));
    }

    private DeliveredEvent ofTheRow(Map<String, Object> row) {
        return new DeliveredEvent((Long) row.get("global_index"), (String) row.get("event_identifier"),
                (String) row.get("aggregate_identifier"), (Long) row.get("sequence_number"), (String) row.get("type"),
                (String) row.get("payload_type"), (String) row.get("payload_revision"), (String) row.get("time_stamp"),
                (byte[]) row.get("payload"), CanonicalMetadata.digest(metadataOf(row)));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> metadataOf(Map<String, Object> row) {
        return json.readValue((byte[]) row.get("meta_data"), Map.class);
    }

    private TrackedEventMessage<?> readFromTheStore(long globalIndex) {
        try (Stream<? extends TrackedEventMessage<?>> events =
                     engine.readEvents(GapAwareTrackingToken.newInstance(globalIndex - 1, List.of()), false)) {
            return events.filter(event -> event.trackingToken().position().orElseThrow() == globalIndex)
                    .findFirst().orElseThrow();
        }
    }

    private Map<String, Object> row(long globalIndex) {
        return jdbc.sql("SELECT * FROM domain_event_entry WHERE global_index = ?").param(globalIndex).query().singleRow();
    }

    private void setPayload(long globalIndex, byte[] payload) {
        jdbc.sql("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?").params(payload, globalIndex).update();
    }

    private Map<?, ?> verify() {
        return web.get().uri("/v1/audit/verification")
                .headers(h -> h.setBearerAuth(tokens.forUser(UUID.randomUUID().toString(), "COMPLIANCE")))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }
}
