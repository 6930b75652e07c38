package dev.keel.app.audit;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.Processors;
import org.axonframework.springboot.EventProcessorProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.keel.testing.CatalogFixtures.productRequest;
import static dev.keel.testing.CatalogFixtures.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A compliance officer finds who did what to which aggregate, and only a compliance officer can. */
class AuditTrailIntegrationTest extends KeelIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Processors processors;
    @Autowired
    EventProcessorProperties axonProcessors;
    @Value("${keel.processors.batch-size}")
    int batchSize;

    @Test
    void everyEventBecomesARecordOfWhoDidWhatToWhichAggregate() {
        String staffId = UUID.randomUUID().toString();
        String productId = createProduct(staffId, "journey-" + staffId);

        Map<?, ?> record = awaitRecords("aggregateId=" + productId, 1).getFirst();

        assertThat(record.get("actor")).isEqualTo("user:" + staffId);
        assertThat(record.get("roles")).isEqualTo(List.of("STAFF"));
        assertThat(record.get("eventType")).isEqualTo("dev.keel.api.catalog.ProductCreated");
        assertThat(record.get("aggregateType")).isEqualTo("Product");
        assertThat(record.get("aggregateSequence")).isEqualTo(0);
        assertThat(record.get("correlation")).isEqualTo("journey-" + staffId);
        assertThat((String) record.get("causation")).isNotBlank();
        assertThat(((Number) record.get("globalIndex")).longValue()).isEqualTo(jdbc.sql(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?").param(productId)
                .query(Long.class).single());
        assertThat(record.get("occurredAt")).isNotNull();
    }

    @Test
    void theTrailShowsWhereAnEventCameFromButStoresItOnlySealed() {
        String productId = createProduct(UUID.randomUUID().toString(), "journey-" + UUID.randomUUID());
        Map<?, ?> record = awaitRecords("aggregateId=" + productId, 1).getFirst();

        assertThat(record.get("clientIp")).isEqualTo("127.0.0.1");
        assertThat(record.get("deviceId")).isEqualTo("device-audit");
        String row = jdbc.sql("SELECT a::text FROM audit_record a WHERE aggregate_id = ?").param(productId)
                .query(String.class).single();
        assertThat(row).doesNotContain("device-audit").doesNotContain("127.0.0.1").contains("pd1:");
    }

    @Test
    void filtersCombineAndACursorPagesThroughInChainOrder() {
        String staffId = UUID.randomUUID().toString();
        String first = createProduct(staffId, "journey-a");
        String second = createProduct(staffId, "journey-b");
        String third = createProduct(UUID.randomUUID().toString(), "journey-c");
        awaitRecords("aggregateId=" + third, 1);

        List<Map<?, ?>> byActor = new ArrayList<>();
        String cursor = null;
        do {
            Map<?, ?> page = page("actor=user:" + staffId + "&size=1" + (cursor == null ? "" : "&cursor=" + cursor));
            byActor.addAll((List<Map<?, ?>>) page.get("records"));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);

        assertThat(byActor.stream().map(record -> (Object) record.get("aggregateIdentifier")).toList()).containsExactly(first, second);
        assertThat((Long) ((Number) byActor.get(0).get("chainPosition")).longValue())
                .isLessThan(((Number) byActor.get(1).get("chainPosition")).longValue());
        assertThat((List<?>) page("actor=user:" + staffId + "&aggregateId=" + third).get("records")).isEmpty();
        assertThat((List<?>) page("aggregateId=" + first + "&eventType=dev.keel.api.catalog.ProductCreated")
                .get("records")).hasSize(1);
        assertThat((List<?>) page("aggregateId=" + first + "&from=2999-01-01T00:00:00Z").get("records")).isEmpty();
        assertThat((List<?>) page("aggregateId=" + first + "&to=2000-01-01T00:00:00Z").get("records")).isEmpty();
    }

    @Test
    void aCursorOfOneSearchDoesNotPageAnother() {
        String staffId = UUID.randomUUID().toString();
        createProduct(staffId, "journey-d");
        createProduct(staffId, "journey-e");
        await().atMost(Duration.ofSeconds(60)).until(() -> page("actor=user:" + staffId + "&size=1").get("nextCursor") != null);
        String cursor = (String) page("actor=user:" + staffId + "&size=1").get("nextCursor");

        web.get().uri("/v1/audit?actor=user:someone-else&cursor=" + cursor)
                .headers(h -> h.setBearerAuth(compliance()))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").value(type -> assertThat(type.toString()).endsWith("invalid-cursor"));
    }

    @Test
    void onlyComplianceReadsTheTrail() {
        for (String token : List.of(tokens.staff(), tokens.customer(), tokens.forUser(UUID.randomUUID().toString(), "ANALYST"))) {
            web.get().uri("/v1/audit").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isForbidden();
            web.get().uri("/v1/audit/verification").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isForbidden();
        }
        web.get().uri("/v1/audit").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theTrailRunsInOneSegment() {
        createProduct(UUID.randomUUID().toString(), "journey-f");
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM token_entry WHERE processor_name = 'audit-trail'").query(Long.class).single() > 0);
        assertThat(jdbc.sql("SELECT segment FROM token_entry WHERE processor_name = 'audit-trail'")
                .query(Integer.class).list()).containsExactly(0);
    }

    /** Axon gives a processor named in its properties a batch of one: a transaction and an fsync per event. */
    @Test
    void theTrailLinksInBatchesOfKeelsBatchSizeNotAxonsOne() {
        assertThat(batchSize).isGreaterThan(1);
        assertThat(axonProcessors.getProcessors().get(AuditTrailProjection.GROUP).getBatchSize()).isEqualTo(batchSize);
    }

    @Test
    void aRedeliveredEventIsLinkedOnce() {
        String productId = createProduct(UUID.randomUUID().toString(), "journey-g");
        awaitRecords("aggregateId=" + productId, 1);
        long position = processors.positionsOf(List.of(productId)).getFirst();

        processors.redeliverFrom("audit-trail", position);
        String later = createProduct(UUID.randomUUID().toString(), "journey-h");
        awaitRecords("aggregateId=" + later, 1);

        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE aggregate_id = ?").param(productId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(web.get().uri("/v1/audit/verification").headers(h -> h.setBearerAuth(compliance())).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("intact")).isEqualTo(true);
    }

    String compliance() {
        return tokens.forUser(UUID.randomUUID().toString(), "COMPLIANCE");
    }

    String createProduct(String staffId, String correlationId) {
        return web.post().uri("/v1/products")
                .headers(h -> h.setBearerAuth(tokens.forUser(staffId, "STAFF")))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("X-Device-Id", "device-audit")
                .header("X-Correlation-Id", correlationId)
                .bodyValue(productRequest(uniqueSku(), "Audited", 100, "EUR"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody()
                .get("productId").toString();
    }

    List<Map<?, ?>> awaitRecords(String query, int count) {
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> (List<Map<?, ?>>) page(query).get("records"), records -> records.size() >= count);
    }

    Map<?, ?> page(String query) {
        return web.get().uri("/v1/audit?" + query)
                .headers(h -> h.setBearerAuth(compliance()))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }
}
