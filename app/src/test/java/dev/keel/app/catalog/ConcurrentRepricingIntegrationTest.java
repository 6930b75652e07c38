package dev.keel.app.catalog;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.Concurrently;
import dev.keel.testing.Processors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Optimistic concurrency under a real race: two staff members change one product from the same version. */
class ConcurrentRepricingIntegrationTest extends KeelIntegrationTest {

    private static final int ROUNDS = 20;

    @Autowired
    Processors processors;

    @Test
    void ofTwoChangesWithTheSameIfMatchAtOnceExactlyOneWinsAndTheOtherHearsTheCurrentVersion() {
        String productId = catalog.createProduct("Contended lamp", 10_000);
        List<String> staff = List.of(tokens.staff(), tokens.staff());
        long lastPrice = 10_000;

        for (long version = 0; version < ROUNDS; version++) {
            long from = version;
            List<EntityExchangeResult<Map>> answers = Concurrently.run(2, writer ->
                    reprice(staff.get(writer), productId, from, 20_000 + 100 * from + writer));

            assertThat(answers).extracting(answer -> answer.getStatus().value()).as("round %d", version)
                    .containsExactlyInAnyOrder(200, 409);
            int winner = answers.getFirst().getStatus().value() == 200 ? 0 : 1;
            Map<?, ?> won = answers.get(winner).getResponseBody();
            Map<?, ?> lost = answers.get(1 - winner).getResponseBody();
            assertThat(((Number) won.get("version")).longValue()).isEqualTo(version + 1);
            assertThat(lost.get("type")).isEqualTo("/problems/version-conflict");
            assertThat(((Number) lost.get("currentVersion")).longValue()).isEqualTo(version + 1);
            lastPrice = 20_000 + 100 * from + winner;
        }

        assertThat(processors.positionsOf(List.of(productId))).as("one creation, one change a round")
                .hasSize(ROUNDS + 1);
        catalog.awaitProductVersion(productId, ROUNDS);
        web.get().uri("/v1/products/{id}", productId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.version").isEqualTo(ROUNDS)
                .jsonPath("$.price.amountMinor").isEqualTo(lastPrice);
    }

    private EntityExchangeResult<Map> reprice(String staff, String productId, long ifMatch, long amountMinor) {
        return web.put().uri("/v1/products/{id}/price", productId)
                .headers(h -> h.setBearerAuth(staff))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("If-Match", "\"" + ifMatch + "\"")
                .bodyValue(Map.of("amountMinor", amountMinor, "currency", "EUR"))
                .exchange()
                .expectBody(Map.class).returnResult();
    }
}
