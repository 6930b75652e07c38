package dev.keel.app.order;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.CommerceFixtures;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.keel.testing.CommerceFixtures.orderOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders placed one after the other through HTTP, as one phone would: each is priced, reserves its
 * unit and commits (fsync on) before the next is sent. The log line gives the latency figures of
 * docs/commerce.md; the test asserts only what a user would notice (every order placed, every unit
 * reserved once), never a time. {@code -Dkeel.latency.orders=1000} measures more orders.
 */
class PlaceOrderLatencyIntegrationTest extends KeelIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(PlaceOrderLatencyIntegrationTest.class);
    private static final int WARM_UP = 20;

    @Autowired
    CommerceFixtures commerce;

    @Test
    void ordersPlacedOneAfterTheOtherEachReserveTheirUnit() {
        int orders = Integer.getInteger("keel.latency.orders", 50);
        String lamp = commerce.product("Latency lamp", 1_000, (long) (WARM_UP + orders));
        String customer = identity.newCustomer().accessToken();
        List<Long> micros = new ArrayList<>();

        for (int i = 0; i < WARM_UP + orders; i++) {
            long start = System.nanoTime();
            var answer = commerce.place(customer, UUID.randomUUID().toString(), orderOf(lamp, 1, null));
            long took = (System.nanoTime() - start) / 1_000;
            assertThat(answer.getStatus().value()).as("order %d", i).isEqualTo(201);
            if (i >= WARM_UP) {
                micros.add(took);
            }
        }

        assertThat(commerce.reserved(lamp)).isEqualTo(WARM_UP + orders);
        micros.sort(null);
        List<Long> reprices = repriceOneAfterTheOther(lamp, orders);
        log.info("POST /v1/orders, {} sequential orders after {} to warm up: p50 {} ms, p99 {} ms, max {} ms;"
                        + " PUT /v1/products/{id}/price in the same run: p50 {} ms, p99 {} ms", orders, WARM_UP,
                millis(micros, 0.50), millis(micros, 0.99), millis(micros, 1.0), millis(reprices, 0.50),
                millis(reprices, 0.99));
    }

    /** The simplest command there is, timed the same way, so a loaded machine shows in both figures. */
    private List<Long> repriceOneAfterTheOther(String productId, int times) {
        String staff = tokens.staff();
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            web.put().uri("/v1/products/{id}/price", productId)
                    .headers(h -> h.setBearerAuth(staff))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .bodyValue(Map.of("amountMinor", 2_000 + i, "currency", "EUR"))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.version").isEqualTo(i + 1);
            micros.add((System.nanoTime() - start) / 1_000);
        }
        micros.sort(null);
        return micros;
    }

    private static String millis(List<Long> sorted, double quantile) {
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return String.format("%.1f", sorted.get(Math.max(0, index)) / 1000.0);
    }
}
