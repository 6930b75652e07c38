package dev.keel.app.audit;

import dev.keel.app.KeelIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The export says what the search says, as a file, and reads the trail only as fast as it is taken. */
class AuditExportIntegrationTest extends KeelIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditExport export;

    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    @Test
    void csvHoldsAHeaderAndOneQuotedLinePerRecord() {
        String productId = auditedProduct();

        String csv = download("format=CSV&aggregateId=" + productId, "text/csv");

        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(String.join(",", ExportFormat.CSV_COLUMNS));
        assertThat(lines.get(1)).contains(productId).contains("dev.keel.api.catalog.ProductCreated").contains(",STAFF,");
        assertThat(lines.get(2)).contains("dev.keel.api.catalog.ProductPriceChanged");
    }

    @Test
    void ndjsonHoldsTheRecordsTheSearchFinds() {
        String productId = auditedProduct();

        String ndjson = download("format=NDJSON&aggregateId=" + productId, "application/x-ndjson");

        List<Map> exported = ndjson.lines().map(line -> json.readValue(line, Map.class)).toList();
        List<?> searched = (List<?>) web.get().uri("/v1/audit?aggregateId=" + productId)
                .headers(h -> h.setBearerAuth(compliance())).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("records");
        assertThat(exported).isEqualTo(searched);
    }

    @Test
    void theCursorIsReadOnlyAsFastAsTheClientTakesChunks() {
        for (int product = 0; product < 4; product++) {
            auditedProduct();
        }
        long records = jdbc.sql("SELECT count(*) FROM audit_record").query(Long.class).single();
        assertThat(records).isGreaterThan(6);
        AtomicReference<AuditCursor> cursor = new AtomicReference<>();

        StepVerifier.create(export.export(new AuditFilter(null, null, null, null, null), ExportFormat.NDJSON, 2,
                        cursor::set), 1)
                .expectNextCount(1)
                .then(() -> assertThat(cursor.get().read()).as("records read for one chunk of two").isLessThanOrEqualTo(4))
                .thenRequest(1)
                .expectNextCount(1)
                .then(() -> assertThat(cursor.get().read()).as("records read for two chunks of two").isLessThanOrEqualTo(6))
                .thenCancel()
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void onlyComplianceExports() {
        web.get().uri("/v1/audit/export").headers(h -> h.setBearerAuth(tokens.staff())).exchange()
                .expectStatus().isForbidden();
    }

    String auditedProduct() {
        String productId = catalog.createProduct("Exported", 100);
        catalog.reprice(productId, 0, 150);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM audit_record WHERE aggregate_id = ?").param(productId).query(Long.class).single() == 2);
        return productId;
    }

    String download(String query, String accept) {
        return web.get().uri("/v1/audit/export?" + query)
                .headers(h -> h.setBearerAuth(compliance()))
                .header("Accept", accept)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(accept)
                .expectHeader().value("Content-Disposition", value -> assertThat(value).startsWith("attachment"))
                .expectBody(String.class).returnResult().getResponseBody();
    }

    String compliance() {
        return tokens.forUser(java.util.UUID.randomUUID().toString(), "COMPLIANCE");
    }
}
