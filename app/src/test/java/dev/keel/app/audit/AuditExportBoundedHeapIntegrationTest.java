package dev.keel.app.audit;

import com.nimbusds.jose.jwk.JWKSet;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.app.privacy.MasterKey;
import dev.keel.testing.NodeInAnotherJvm;
import dev.keel.testing.ScratchDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export streams: a query node in a JVM of its own with a heap of {@value #HEAP_MB} MB serves an
 * NDJSON export of {@value #RECORDS} records, well over its whole heap in size, to the last line, and
 * still answers afterwards. Had it held the answer (or the rows) in memory, it would have run out.
 * The records are written by SQL into a scratch database of the node's own, so the shared chain is
 * untouched.
 */
class AuditExportBoundedHeapIntegrationTest extends KeelIntegrationTest {

    static final int RECORDS = 200_000;
    static final int HEAP_MB = 96;

    @Autowired
    DataSource dataSource;
    @Autowired
    Environment environment;
    @Autowired
    JWKSet signingKeys;
    @Autowired
    MasterKey masterKey;

    @Test
    void anExportLargerThanTheNodesHeapIsServedToTheEnd() throws Exception {
        try (ScratchDatabase scratch = new ScratchDatabase(dataSource);
             NodeInAnotherJvm node = NodeInAnotherJvm.start("query", HEAP_MB + "m", scratch.url(), environment,
                     signingKeys, masterKey)) {
            // the node has made the schema; the rows are as the trail writes them, minus a real chain
            scratch.jdbc().sql("""
                    INSERT INTO audit_record (chain_position, global_index, event_identifier, event_type, aggregate_type,
                        aggregate_id, aggregate_sequence, occurred_at, actor, roles, correlation_id, causation_id,
                        event_hash, previous_hash, record_hash)
                    SELECT n, n, md5(n::text) || md5('e' || n), 'dev.keel.api.catalog.ProductPriceChanged', 'Product',
                           md5('a' || (n % 5000)), n / 5000, now() - interval '1 second' * (? - n),
                           'user:' || md5('u' || (n % 700)), 'STAFF', md5('c' || n), md5('d' || n),
                           sha256(n::text::bytea), sha256((n - 1)::text::bytea), sha256(('r' || n)::bytea)
                    FROM generate_series(1::bigint, ?::bigint) n""").params(RECORDS, RECORDS).update();

            HttpRequest export = HttpRequest.newBuilder(URI.create(node.baseUrl() + "/v1/audit/export?format=NDJSON"))
                    .header("Authorization", "Bearer " + tokens.forUser(UUID.randomUUID().toString(), "COMPLIANCE"))
                    .timeout(Duration.ofMinutes(5)).build();
            long lines = 0;
            long bytes = 0;
            String last = null;
            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<InputStream> response = http.send(export, HttpResponse.BodyHandlers.ofInputStream());
                assertThat(response.statusCode()).isEqualTo(200);
                try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        lines++;
                        bytes += line.length() + 1;
                        last = line;
                    }
                }
                assertThat(lines).as("every record, to the last").isEqualTo(RECORDS);
                assertThat(last).startsWith("{\"chainPosition\":" + RECORDS + ",");
                assertThat(bytes).as("an answer bigger than the node's whole heap").isGreaterThan(HEAP_MB * 1024L * 1024);
                assertThat(http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode()).as("the node is still up").isEqualTo(200);
            }
        }
    }
}
