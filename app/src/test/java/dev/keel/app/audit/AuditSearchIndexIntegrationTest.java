package dev.keel.app.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.keel.app.KeelIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.keel.testing.CatalogFixtures.productRequest;
import static dev.keel.testing.CatalogFixtures.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit trail's search index, looked into directly: every record arrives, without its origin;
 * searches through it answer what PostgreSQL answers; records it has not reached yet are still found;
 * deleted, it is rebuilt from the chain.
 */
class AuditSearchIndexIntegrationTest extends KeelIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    AuditReads reads;
    @Autowired
    AuditSearchIndexer indexer;

    @Test
    void everyRecordIsIndexedWithWhatItIsSearchedByAndNoOrigin() throws IOException {
        String staffId = UUID.randomUUID().toString();
        String productId = createProduct(staffId, "search-" + staffId);

        Map<?, ?> document = awaitDocuments(productId, 1).getFirst().source();

        Map<String, Object> row = jdbc.sql("""
                        SELECT chain_position, global_index, event_identifier, aggregate_sequence, client_ip, device_id
                        FROM audit_record WHERE aggregate_id = ?""").param(productId).query().singleRow();
        assertThat(row.get("device_id")).as("the record has an origin").isNotNull();
        assertThat(((Number) document.get("chainPosition")).longValue()).isEqualTo(row.get("chain_position"));
        assertThat(((Number) document.get("globalIndex")).longValue()).isEqualTo(row.get("global_index"));
        assertThat(document.get("eventIdentifier")).isEqualTo(row.get("event_identifier"));
        assertThat(document.get("actor")).isEqualTo("user:" + staffId);
        assertThat(document.get("roles")).isEqualTo(List.of("STAFF"));
        assertThat(document.get("eventType")).isEqualTo("dev.keel.api.catalog.ProductCreated");
        assertThat(document.get("correlationId")).isEqualTo("search-" + staffId);
        assertThat(document.keySet().stream().map(String::valueOf).toList()).as("no origin, sealed or open, and no hashes")
                .doesNotContain("clientIp", "deviceId", "personalDataOf", "recordHash");
        assertThat(document.toString()).doesNotContain("device-audit-search").doesNotContain("127.0.0.1")
                .doesNotContain("pd1:").doesNotContain((String) row.get("device_id"));
    }

    @Test
    void searchesAnswerWhatPostgresqlAnswersAndPageInChainOrder() throws IOException {
        String staffId = UUID.randomUUID().toString();
        Instant before = Instant.now().minusSeconds(1);
        List<String> products = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            products.add(createProduct(staffId, "search-page"));
        }
        awaitDocuments(products.getLast(), 1);
        Instant after = Instant.now().plusSeconds(1);

        String actor = "user:" + staffId;
        assertThat(pagedThrough("actor=" + actor, 2)).containsExactlyElementsOf(
                positions(reads.page(new AuditFilter(actor, null, null, null, null), 0, 500)));
        assertThat(pagedThrough("actor=" + actor, 2)).hasSize(3);
        String byTime = "eventType=dev.keel.api.catalog.ProductCreated&from=" + before + "&to=" + after;
        assertThat(pagedThrough(byTime, 2)).containsExactlyElementsOf(positions(reads.page(
                new AuditFilter(null, null, "dev.keel.api.catalog.ProductCreated", before, after), 0, 500)));
        assertThat(pagedThrough("aggregateId=" + products.get(1), 50)).containsExactlyElementsOf(
                positions(reads.page(new AuditFilter(null, products.get(1), null, null, null), 0, 500)));
        assertThat(pagedThrough("actor=" + actor + "&to=" + before, 50)).isEmpty();
    }

    @Test
    void recordsTheIndexHasNotReachedAreFoundInPostgresql() throws IOException {
        indexer.stop();
        String productId;
        try {
            productId = createProduct(UUID.randomUUID().toString(), "search-unindexed");
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                    "SELECT count(*) FROM audit_record WHERE aggregate_id = ?").param(productId).query(Long.class).single() > 0);

            assertThat(documents(productId)).as("not indexed while the indexer is stopped").isEmpty();
            assertThat(pagedThrough("aggregateId=" + productId, 50)).hasSize(1);
        } finally {
            indexer.start();
        }
        awaitDocuments(productId, 1);
        assertThat(pagedThrough("aggregateId=" + productId, 50)).hasSize(1);
    }

    @Test
    void aDeletedIndexIsRebuiltFromTheChain() throws IOException {
        String productId = createProduct(UUID.randomUUID().toString(), "search-rebuild");
        long position = awaitDocuments(productId, 1).getFirst().source().get("chainPosition") instanceof Number n
                ? n.longValue() : -1;

        elasticsearch.indices().delete(delete -> delete.index(AuditIndex.CURRENT));

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> !documents(productId).isEmpty());
        long first = jdbc.sql("SELECT min(chain_position) FROM audit_record").query(Long.class).single();
        assertThat(elasticsearch.count(count -> count.index(AuditIndex.ALIAS).query(query -> query.range(range -> range
                .number(number -> number.field("chainPosition").lte((double) position))))).count())
                .as("every record up to it, from the first the chain keeps").isEqualTo(position - first + 1);
    }

    List<Long> pagedThrough(String query, int size) {
        List<Long> positions = new ArrayList<>();
        String cursor = null;
        do {
            Map<?, ?> page = web.get().uri("/v1/audit?" + query + "&size=" + size + (cursor == null ? "" : "&cursor=" + cursor))
                    .headers(h -> h.setBearerAuth(tokens.forUser(UUID.randomUUID().toString(), "COMPLIANCE")))
                    .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            ((List<Map<?, ?>>) page.get("records")).forEach(record -> positions.add(((Number) record.get("chainPosition")).longValue()));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        return positions;
    }

    static List<Long> positions(List<AuditRecord> records) {
        return records.stream().map(AuditRecord::chainPosition).toList();
    }

    List<Hit<Map>> awaitDocuments(String aggregateId, int count) {
        return await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> documents(aggregateId), hits -> hits.size() >= count);
    }

    List<Hit<Map>> documents(String aggregateId) throws IOException {
        return elasticsearch.search(search -> search.index(AuditIndex.ALIAS)
                .query(query -> query.term(term -> term.field("aggregateId").value(aggregateId))), Map.class).hits().hits();
    }

    String createProduct(String staffId, String correlationId) {
        return web.post().uri("/v1/products")
                .headers(h -> h.setBearerAuth(tokens.forUser(staffId, "STAFF")))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("X-Device-Id", "device-audit-search")
                .header("X-Correlation-Id", correlationId)
                .bodyValue(productRequest(uniqueSku(), "Audited", 100, "EUR"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody()
                .get("productId").toString();
    }
}
