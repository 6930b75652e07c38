package dev.keel.app.roles;

import com.nimbusds.jose.jwk.JWKSet;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.app.privacy.MasterKey;
import dev.keel.testing.CatalogFixtures;
import dev.keel.testing.NodeInAnotherJvm;
import dev.keel.testing.SseClient;
import dev.keel.testing.SseClient.Event;
import dev.keel.testing.Storefront;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live updates in a deployment of separate nodes: commands go to a command node (a second JVM), the
 * projections run in this JVM, and two query nodes (this JVM and a third) each serve a stream of the
 * same customer. Both get every change, and a stream dropped on one node resumes on the other. The
 * delay from each command's answer to its event on each stream is measured and written to
 * {@code target/live-update-delay.txt}; it is reported, not asserted (CI machines are loaded).
 */
class LiveUpdatesAcrossNodesIntegrationTest extends KeelIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdatesAcrossNodesIntegrationTest.class);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int WARM_UP = 3;
    private static final int MEASURED = 25;

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    JWKSet signingKeys;
    @Autowired
    MasterKey masterKey;

    /** A change made on the command node, and the id of its event on the streams. */
    private record Changed(String orderId, String eventId) {
    }

    @Test
    void bothQueryNodesStreamEveryChangeMadeOnTheCommandNodeAndAStreamResumesOnTheOtherNode() throws IOException {
        try (NodeInAnotherJvm commandNode = NodeInAnotherJvm.start("command", environment, signingKeys, masterKey);
             NodeInAnotherJvm queryNode = NodeInAnotherJvm.start("query", environment, signingKeys, masterKey)) {
            WebTestClient commands = WebTestClient.bindToServer().baseUrl(commandNode.baseUrl())
                    .responseTimeout(WAIT).build();
            // a customer signs in first by verifying the mailed link, which only this JVM's node can read
            String token = identity.newCustomer().accessToken();
            String product = product(commands);
            String thisNode = "http://localhost:" + port;

            try (SseClient here = connect(thisNode, token, null);
                 SseClient other = connect(queryNode.baseUrl(), token, null)) {
                Map<String, List<Long>> delays = new HashMap<>();
                for (int i = 0; i < WARM_UP + MEASURED; i++) {
                    Map<String, List<Long>> measured = i < WARM_UP ? new HashMap<>() : delays;
                    Changed placed = change(commands, token, product, null, List.of(here, other), measured);
                    change(commands, token, product, placed.orderId(), List.of(here, other), measured);
                }
                report(delays);

                Changed placed = change(commands, token, product, null, List.of(here, other), new HashMap<>());
                other.close();
                Changed missed = change(commands, token, product, placed.orderId(), List.of(here), new HashMap<>());

                try (SseClient resumed = connect(thisNode, token, placed.eventId())) {
                    Event event = resumed.nextEvent(WAIT);
                    assertThat(event).isNotNull();
                    assertThat(event.event()).isEqualTo("OrderCancelled");
                    assertThat(event.id()).isEqualTo(missed.eventId());
                    assertThat(resumed.nextEvent(Duration.ofSeconds(3))).as("nothing twice").isNull();
                }
            }
        }
    }

    /**
     * Places an order (or cancels {@code order}) on the command node and waits for its event on each
     * stream, noting how long after the command's answer it arrived there.
     */
    private Changed change(WebTestClient commands, String token, String product, String order, List<SseClient> streams,
                           Map<String, List<Long>> delays) {
        var request = order == null
                ? commands.post().uri("/v1/orders").bodyValue(Storefront.order(Map.of(product, 1), null))
                : commands.post().uri("/v1/orders/{id}/cancellation", order);
        Map<?, ?> answer = request.headers(h -> h.setBearerAuth(token))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .exchange().expectStatus().is2xxSuccessful()
                .expectBody(Map.class).returnResult().getResponseBody();
        long answered = System.nanoTime();
        String orderId = (String) answer.get("orderId");
        String type = order == null ? "OrderPlaced" : "OrderCancelled";
        String eventId = null;
        for (int i = 0; i < streams.size(); i++) {
            Event event = streams.get(i).nextEvent(WAIT);
            String node = i == 0 ? "query node with the projections" : "query-only node";
            assertThat(event).as("%s of %s on the %s", type, orderId, node).isNotNull();
            assertThat(event.event()).isEqualTo(type);
            assertThat(event.data()).contains(orderId);
            assertThat(eventId == null || eventId.equals(event.id())).as("the same id on every node").isTrue();
            eventId = event.id();
            delays.computeIfAbsent(node, unused -> new ArrayList<>()).add(Math.max(0, event.arrivedAt() - answered));
        }
        return new Changed(orderId, eventId);
    }

    private String product(WebTestClient commands) {
        return (String) commands.post().uri("/v1/products")
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(CatalogFixtures.productRequest(CatalogFixtures.uniqueSku(), "Two-node lamp", 1_000, "EUR"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("productId");
    }

    private static SseClient connect(String base, String token, String lastEventId) {
        return SseClient.connect(base + "/v1/orders/stream", token, lastEventId);
    }

    private static void report(Map<String, List<Long>> delays) throws IOException {
        StringBuilder report = new StringBuilder("Live-update delay, command's answer to the stream event, ")
                .append(MEASURED * 2).append(" changes per node:\n");
        delays.forEach((node, nanos) -> {
            List<Long> sorted = nanos.stream().sorted().toList();
            report.append(String.format("  %s: p50 %d ms, p95 %d ms, max %d ms%n", node, millis(sorted, 0.50),
                    millis(sorted, 0.95), sorted.getLast() / 1_000_000));
        });
        log.info("{}", report);
        Files.writeString(Path.of("target", "live-update-delay.txt"), report);
    }

    private static long millis(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1_000_000;
    }
}
