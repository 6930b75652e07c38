package dev.keel.testing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Products with stock, promotions and orders, made through the public API as an app and a shop's
 * staff would; and the command side's stock and promotion rows, read to see what a command left.
 */
@Component
public class CommerceFixtures {

    private final WebTestClient web;
    private final TestTokens tokens;
    private final CatalogFixtures catalog;
    private final JdbcClient jdbc;

    CommerceFixtures(WebTestClient web, TestTokens tokens, CatalogFixtures catalog, JdbcClient jdbc) {
        this.web = web;
        this.tokens = tokens;
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    /** A EUR product with this much stock ({@code null}: unlimited); returns its id. */
    public String product(String name, long priceMinor, Long stock) {
        return product(name, priceMinor, "EUR", stock);
    }

    public String product(String name, long priceMinor, String currency, Long stock) {
        Map<String, Object> request = new HashMap<>(CatalogFixtures.productRequest(CatalogFixtures.uniqueSku(), name,
                priceMinor, currency));
        request.put("stock", stock);
        return catalog.createProduct(request);
    }

    /** Creates a promotion as STAFF from these terms; returns its id. */
    public String promotion(Map<String, Object> terms) {
        return (String) web.post().uri("/v1/promotions")
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(terms)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("promotionId");
    }

    public static String uniqueCode() {
        return "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    /** An order body for one product, shipped to Germany (19% tax). */
    public static Map<String, Object> orderOf(String productId, int quantity, String promotionCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("lines", List.of(Map.of("productId", productId, "quantity", quantity)));
        body.put("shippingAddress", address("DE"));
        if (promotionCode != null) {
            body.put("promotionCode", promotionCode);
        }
        return body;
    }

    public static Map<String, Object> address(String country) {
        return Map.of("recipient", "Ada Lovelace", "line1", "Unter den Linden 1", "postalCode", "10117",
                "city", "Berlin", "country", country);
    }

    /** Posts the order under this key; the answer, whatever it is. */
    @SuppressWarnings("rawtypes")
    public EntityExchangeResult<Map> place(String accessToken, String key, Map<String, Object> body) {
        return web.post().uri("/v1/orders")
                .headers(h -> h.setBearerAuth(accessToken))
                .header("Idempotency-Key", key)
                .bodyValue(body)
                .exchange()
                .expectBody(Map.class).returnResult();
    }

    /** Places the order and returns its id, failing unless it was created. */
    public String placed(String accessToken, Map<String, Object> body) {
        var answer = place(accessToken, UUID.randomUUID().toString(), body);
        if (answer.getStatus().value() != 201) {
            throw new AssertionError("Order not placed: " + answer.getStatus() + " " + answer.getResponseBody());
        }
        return (String) answer.getResponseBody().get("orderId");
    }

    /** The units orders hold of this product now. */
    public long reserved(String productId) {
        return jdbc.sql("SELECT reserved FROM sellable_product WHERE product_id = ?::uuid").param(productId)
                .query(Long.class).single();
    }

    /** The units on hand now; {@code null} for unlimited. */
    public Long stock(String productId) {
        return jdbc.sql("SELECT stock FROM sellable_product WHERE product_id = ?::uuid").param(productId)
                .query(Long.class).optional().orElse(null);
    }

    public int uses(String promotionId) {
        return jdbc.sql("SELECT used FROM promotion_terms WHERE promotion_id = ?::uuid").param(promotionId)
                .query(Integer.class).single();
    }

    /** Pays the order with a sandbox token ({@code tok_approve}, {@code tok_decline}, ...); 202 or fails. */
    public void pay(String accessToken, String orderId, String paymentMethodToken) {
        web.post().uri("/v1/orders/{id}/payments", orderId).headers(h -> h.setBearerAuth(accessToken))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("paymentMethodToken", paymentMethodToken)).exchange()
                .expectStatus().isAccepted();
    }

    /** Waits until the customer reads the order in this status. */
    public void awaitStatus(String accessToken, String orderId, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> status.equals(web.get().uri("/v1/orders/{id}", orderId)
                .headers(h -> h.setBearerAuth(accessToken)).exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("status")));
    }

    /** STAFF starts fulfilment of a paid order, which captures its payment. */
    public void fulfil(String orderId) {
        web.post().uri("/v1/orders/{id}/fulfilment", orderId).headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString()).exchange().expectStatus().isOk();
    }

    /** STAFF refunds what is left of a captured payment. */
    public void refundAll(String orderId) {
        web.post().uri("/v1/orders/{id}/refunds", orderId).headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString()).bodyValue(Map.of()).exchange()
                .expectStatus().isAccepted();
    }

    /** How many stored events of this type name this value anywhere in their payload. */
    public long events(String type, String naming) {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE payload_type = ? AND convert_from(payload, 'UTF8') LIKE ?""")
                .params("dev.keel.api." + type, "%" + naming + "%")
                .query(Long.class).single();
    }
}
