package dev.keel.app.order;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.IdentityFixtures.Session;
import dev.keel.testing.Storefront;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /v1/orders, /v1/orders/{id} and STAFF's queue, from the read model; and never another's order. */
class OrderReadsIntegrationTest extends KeelIntegrationTest {

    @Autowired
    Storefront shop;

    private Session customer;
    private String product;

    @BeforeEach
    void shopping() {
        customer = identity.newCustomer();
        product = shop.product("Read lamp", 1_000, "Lamps", null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void myOrdersComeNewestFirstAPageAtATime() {
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            placed.add((String) shop.place(customer.accessToken(), product, i + 1).get("orderId"));
        }
        shop.awaitOrder(customer.accessToken(), placed.getLast(), 0);

        Map<?, ?> first = mine(null, 2);
        Map<?, ?> second = mine((String) first.get("nextCursor"), 2);

        assertThat(ids(first)).containsExactly(placed.get(2), placed.get(1));
        assertThat(ids(second)).containsExactly(placed.get(0));
        assertThat(second.get("nextCursor")).isNull();
        Map<String, Object> newest = (Map<String, Object>) ((List<?>) first.get("items")).getFirst();
        assertThat(newest).containsEntry("status", "PLACED").containsEntry("version", 0)
                .containsEntry("customerId", customer.accountId());
        assertThat((Map<String, Object>) ((List<?>) newest.get("lines")).getFirst()).containsEntry("productId", product)
                .containsEntry("quantity", 3).containsEntry("lineTotal", Map.of("amountMinor", 3_000, "currency", "EUR"));
        assertThat((Map<String, Object>) newest.get("totals")).containsEntry("tax", Map.of("amountMinor", 570, "currency", "EUR"))
                .containsEntry("total", Map.of("amountMinor", 3_570, "currency", "EUR"));
    }

    @Test
    void oneOrderCarriesItsVersionAsETagAndAnswers304WhileUnchanged() {
        String order = (String) shop.place(customer.accessToken(), product, 1).get("orderId");
        shop.awaitOrder(customer.accessToken(), order, 0);

        web.get().uri("/v1/orders/{id}", order).headers(h -> h.setBearerAuth(customer.accessToken()))
                .header("If-None-Match", "\"0\"").exchange()
                .expectStatus().isNotModified()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody().isEmpty();

        shop.cancel(customer.accessToken(), order);
        shop.awaitOrder(customer.accessToken(), order, 1);

        web.get().uri("/v1/orders/{id}", order).headers(h -> h.setBearerAuth(customer.accessToken()))
                .header("If-None-Match", "\"0\"").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
    }

    @Test
    void anotherCustomerNeitherReadsNorListsMyOrdersNorPagesWithMyCursor() {
        String order = (String) shop.place(customer.accessToken(), product, 1).get("orderId");
        String newer = (String) shop.place(customer.accessToken(), product, 2).get("orderId");
        shop.awaitOrder(customer.accessToken(), order, 0);
        shop.awaitOrder(customer.accessToken(), newer, 0);
        String myCursor = (String) mine(null, 1).get("nextCursor");
        Session other = identity.newCustomer();

        web.get().uri("/v1/orders/{id}", order).headers(h -> h.setBearerAuth(other.accessToken())).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-found");
        assertThat(ids(mineAs(other.accessToken(), null, 20))).isEmpty();
        web.get().uri(uri -> uri.path("/v1/orders").queryParam("size", 1).queryParam("cursor", "{c}").build(myCursor))
                .headers(h -> h.setBearerAuth(other.accessToken())).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-cursor");
        web.get().uri("/v1/orders/queue?status=PLACED").headers(h -> h.setBearerAuth(other.accessToken())).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void staffReadAnyOrderAndWorkTheQueueOldestFirst() {
        String first = (String) shop.place(customer.accessToken(), product, 1).get("orderId");
        String second = (String) shop.place(identity.newCustomer().accessToken(), product, 2).get("orderId");
        shop.awaitOrder(tokens.staff(), second, 0);

        web.get().uri("/v1/orders/{id}", first).headers(h -> h.setBearerAuth(tokens.staff())).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.customerId").isEqualTo(customer.accountId());
        assertThat(queue("PLACED")).containsSubsequence(first, second);

        shop.cancel(tokens.staff(), first);
        shop.awaitOrder(tokens.staff(), first, 1);

        assertThat(queue("PLACED")).contains(second).doesNotContain(first);
        assertThat(queue("CANCELLED")).contains(first);
    }

    private List<String> queue(String status) {
        List<String> queue = new ArrayList<>();
        String cursor = null;
        do {
            String page = cursor;
            Map<?, ?> answer = web.get().uri(uri -> {
                        uri.path("/v1/orders/queue").queryParam("status", status).queryParam("size", 100);
                        return page == null ? uri.build() : uri.queryParam("cursor", "{c}").build(page);
                    })
                    .headers(h -> h.setBearerAuth(tokens.staff())).exchange()
                    .expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            queue.addAll(ids(answer));
            cursor = (String) answer.get("nextCursor");
        } while (cursor != null);
        return queue;
    }

    private Map<?, ?> mine(String cursor, int size) {
        return mineAs(customer.accessToken(), cursor, size);
    }

    private Map<?, ?> mineAs(String accessToken, String cursor, int size) {
        return web.get().uri(uri -> {
                    uri.path("/v1/orders").queryParam("size", size);
                    return cursor == null ? uri.build() : uri.queryParam("cursor", "{c}").build(cursor);
                })
                .headers(h -> h.setBearerAuth(accessToken)).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static List<String> ids(Map<?, ?> page) {
        return ((List<?>) page.get("items")).stream().map(item -> (String) ((Map<?, ?>) item).get("orderId")).toList();
    }
}
