package dev.keel.app.history;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.Storefront;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** "What did this order look like when the customer complained?", from the event store. */
class AggregateHistoryIntegrationTest extends KeelIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Storefront shop;

    @Test
    void aProductAsOfTheMomentBeforeItsRepricing() {
        String productId = catalog.createProduct("Historic", 100);
        catalog.reprice(productId, 0, 250);
        String created = storedTime(productId, 0);

        Map<?, ?> then = history("Product", productId, "?at=" + created);
        Map<?, ?> now = history("Product", productId, "");

        assertThat((List<?>) then.get("events")).hasSize(1);
        assertThat(price(then)).isEqualTo(100);
        assertThat((List<?>) now.get("events")).hasSize(2);
        assertThat(price(now)).isEqualTo(250);
        Map<?, ?> repricing = (Map<?, ?>) ((List<?>) now.get("events")).get(1);
        assertThat(repricing.get("eventType")).isEqualTo("dev.keel.api.catalog.ProductPriceChanged");
        assertThat(((Map<?, ?>) repricing.get("metadata")).get("actor").toString()).startsWith("user:");
    }

    @Test
    void anOrderAsOfAnEventStorePosition() {
        var customer = identity.newCustomer();
        String product = shop.product("Historic lamp", 1_000, null, null);
        String orderId = (String) shop.place(customer.accessToken(), product, 1).get("orderId");
        shop.cancel(customer.accessToken(), orderId);
        long placed = jdbc.sql("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0")
                .param(orderId).query(Long.class).single();

        Map<?, ?> then = history("Order", orderId, "?position=" + placed);
        Map<?, ?> now = history("Order", orderId, "");

        assertThat(((Map<?, ?>) then.get("state")).get("status")).isEqualTo("PLACED");
        assertThat(((Map<?, ?>) now.get("state")).get("status")).isEqualTo("CANCELLED");
        assertThat(((Map<?, ?>) now.get("state")).get("customerId")).isEqualTo(customer.accountId());
    }

    @Test
    void anUnknownTypeOrAggregateIsNotFoundAndOnlyComplianceReads() {
        String productId = catalog.createProduct("Private history", 100);
        web.get().uri("/v1/history/Spaceship/{id}", productId).headers(h -> h.setBearerAuth(compliance()))
                .exchange().expectStatus().isNotFound();
        web.get().uri("/v1/history/Product/{id}", UUID.randomUUID()).headers(h -> h.setBearerAuth(compliance()))
                .exchange().expectStatus().isNotFound();
        web.get().uri("/v1/history/Order/{id}", productId).headers(h -> h.setBearerAuth(compliance()))
                .exchange().expectStatus().isNotFound();
        web.get().uri("/v1/history/Product/{id}", productId).headers(h -> h.setBearerAuth(tokens.staff()))
                .exchange().expectStatus().isForbidden();
    }

    String storedTime(String aggregateId, long sequence) {
        return jdbc.sql("SELECT time_stamp FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?")
                .params(aggregateId, sequence).query(String.class).single();
    }

    static Object price(Map<?, ?> history) {
        return ((Map<?, ?>) ((Map<?, ?>) history.get("state")).get("price")).get("amountMinor");
    }

    Map<?, ?> history(String type, String id, String query) {
        return web.get().uri("/v1/history/" + type + "/" + id + query)
                .headers(h -> h.setBearerAuth(compliance()))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    String compliance() {
        return tokens.forUser(UUID.randomUUID().toString(), "COMPLIANCE");
    }
}
