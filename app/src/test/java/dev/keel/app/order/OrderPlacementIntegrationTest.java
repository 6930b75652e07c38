package dev.keel.app.order;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.CommerceFixtures;
import dev.keel.testing.IdentityFixtures.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.keel.testing.CommerceFixtures.address;
import static dev.keel.testing.CommerceFixtures.orderOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Placing and quoting through HTTP: prices from the catalog, refusals by their problem types. */
class OrderPlacementIntegrationTest extends KeelIntegrationTest {

    @Autowired
    CommerceFixtures commerce;

    private Session customer;

    @BeforeEach
    void signIn() {
        customer = identity.newCustomer();
    }

    @Test
    void anOrderIsPricedFromTheCatalogTaxedForItsCountryAndAnsweredWithItsLocation() {
        String lamp = commerce.product("Desk lamp", 2_499, 5L);
        String bulb = commerce.product("Bulb", 199, null);
        Map<String, Object> body = new HashMap<>(orderOf(lamp, 2, null));
        body.put("lines", List.of(Map.of("productId", lamp, "quantity", 2), Map.of("productId", bulb, "quantity", 3)));

        var placed = web.post().uri("/v1/orders")
                .headers(h -> h.setBearerAuth(customer.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/v1/orders/[0-9a-f-]{36}")
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.status").isEqualTo("PLACED")
                .jsonPath("$.version").isEqualTo(0)
                .jsonPath("$.customerId").isEqualTo(customer.accountId())
                .jsonPath("$.lines[0].productId").isEqualTo(lamp)
                .jsonPath("$.lines[0].name").isEqualTo("Desk lamp")
                .jsonPath("$.lines[0].unitPrice.amountMinor").isEqualTo(2_499)
                .jsonPath("$.lines[0].lineTotal.amountMinor").isEqualTo(4_998)
                .jsonPath("$.lines[1].lineTotal.amountMinor").isEqualTo(597)
                .jsonPath("$.totals.subtotal.amountMinor").isEqualTo(5_595)
                .jsonPath("$.totals.discount.amountMinor").isEqualTo(0)
                .jsonPath("$.totals.tax.amountMinor").isEqualTo(1_063) // 1063.05
                .jsonPath("$.totals.total.amountMinor").isEqualTo(6_658)
                .jsonPath("$.totals.total.currency").isEqualTo("EUR")
                .jsonPath("$.placedAt").isNotEmpty()
                .returnResult();

        assertThat(placed.getResponseHeaders().getLocation()).isNotNull();
        assertThat(commerce.reserved(lamp)).isEqualTo(2);
        assertThat(commerce.reserved(bulb)).isEqualTo(3);
    }

    @Test
    void anythingPriceLikeInTheBodyIsRefusedNamingTheField() {
        String lamp = commerce.product("Cheap lamp", 2_499, 5L);
        Map<String, Object> body = new HashMap<>(orderOf(lamp, 1, null));
        body.put("lines", List.of(Map.of("productId", lamp, "quantity", 1,
                "unitPrice", Map.of("amountMinor", 1, "currency", "EUR"))));

        place(body).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/unknown-field")
                .jsonPath("$.errors[0].field").isEqualTo("lines[0].unitPrice");

        Map<String, Object> withTotal = new HashMap<>(orderOf(lamp, 1, null));
        withTotal.put("total", Map.of("amountMinor", 1, "currency", "EUR"));
        place(withTotal).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("total");
        assertThat(commerce.reserved(lamp)).isZero();
    }

    @Test
    void placingNeedsAnIdempotencyKey() {
        String lamp = commerce.product("Keyless lamp", 100, 5L);
        web.post().uri("/v1/orders")
                .headers(h -> h.setBearerAuth(customer.accessToken()))
                .bodyValue(orderOf(lamp, 1, null))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/missing-idempotency-key");
        assertThat(commerce.reserved(lamp)).isZero();
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheSameOrderAndReservesOnce() {
        String lamp = commerce.product("Retried lamp", 100, 5L);
        String key = UUID.randomUUID().toString();

        var first = commerce.place(customer.accessToken(), key, orderOf(lamp, 2, null));
        var again = commerce.place(customer.accessToken(), key, orderOf(lamp, 2, null));

        assertThat(again.getStatus().value()).isEqualTo(201);
        assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(commerce.reserved(lamp)).isEqualTo(2);
    }

    @Test
    void aQuoteAnswersWhatPlacingWouldAndReservesNothing() {
        String lamp = commerce.product("Quoted lamp", 1_000, 3L);
        String code = CommerceFixtures.uniqueCode();
        String promotion = commerce.promotion(Map.of("code", code, "kind", "PERCENT", "value", 10, "totalLimit", 1));

        Map<?, ?> quote = web.post().uri("/v1/orders/quote")
                .headers(h -> h.setBearerAuth(customer.accessToken()))
                .bodyValue(orderOf(lamp, 3, code.toLowerCase()))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(commerce.reserved(lamp)).isZero();
        assertThat(commerce.uses(promotion)).isZero();

        Map<?, ?> placed = place(orderOf(lamp, 3, code)).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(quote.get("totals")).isEqualTo(placed.get("totals"));
        assertThat(quote.get("lines")).isEqualTo(placed.get("lines"));
        assertThat(quote.get("promotionCode")).isEqualTo(code);
        assertThat(((Map<?, ?>) ((Map<?, ?>) quote.get("totals")).get("discount")).get("amountMinor")).isEqualTo(300);
    }

    @Test
    void eachRefusalHasItsOwnProblemType() {
        String euros = commerce.product("Euro mug", 100, 1L);
        String dollars = commerce.product("Dollar mug", 100, "USD", null);
        Map<String, Object> mixed = new HashMap<>(orderOf(euros, 1, null));
        mixed.put("lines", List.of(Map.of("productId", euros, "quantity", 1), Map.of("productId", dollars, "quantity", 1)));
        Map<String, Object> toNowhere = new HashMap<>(orderOf(euros, 1, null));
        toNowhere.put("shippingAddress", address("ZZ"));
        String ghost = UUID.randomUUID().toString();

        expectProblem(place(mixed), 422, "mixed-currencies");
        expectProblem(place(toNowhere), 422, "unsupported-country");
        expectProblem(place(orderOf(ghost, 1, null)), 422, "unknown-product").jsonPath("$.productId").isEqualTo(ghost);
        expectProblem(place(orderOf(euros, 2, null)), 409, "out-of-stock").jsonPath("$.productId").isEqualTo(euros);
        expectProblem(place(orderOf(euros, 1, "NO-SUCH-CODE")), 422, "unknown-promotion-code");
        assertThat(commerce.reserved(euros)).isZero();
    }

    @Test
    void anArchivedProductIsNoLongerSold() {
        String lamp = commerce.product("Old lamp", 100, 5L);
        web.post().uri("/v1/products/{id}/archival", lamp)
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);

        expectProblem(place(orderOf(lamp, 1, null)), 409, "product-archived").jsonPath("$.productId").isEqualTo(lamp);
    }

    @Test
    void onlyStaffCreatePromotions() {
        String code = CommerceFixtures.uniqueCode();
        web.post().uri("/v1/promotions")
                .headers(h -> h.setBearerAuth(customer.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("code", code, "kind", "PERCENT", "value", 100))
                .exchange()
                .expectStatus().isForbidden();
        String lamp = commerce.product("Full price lamp", 100, 5L);
        expectProblem(place(orderOf(lamp, 1, code)), 422, "unknown-promotion-code");
    }

    @Test
    void promotionTermsThatDoNotFitTogetherAreRefusedNamingTheField() {
        web.post().uri("/v1/promotions")
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("code", CommerceFixtures.uniqueCode(), "kind", "AMOUNT", "value", 500))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("currency");
    }

    @Test
    void onlySignedInCallersOrder() {
        String lamp = commerce.product("Anonymous lamp", 100, 5L);
        web.post().uri("/v1/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(orderOf(lamp, 1, null))
                .exchange()
                .expectStatus().isUnauthorized();
        web.post().uri("/v1/orders/quote")
                .bodyValue(orderOf(lamp, 1, null))
                .exchange()
                .expectStatus().isUnauthorized();
        assertThat(commerce.reserved(lamp)).isZero();
    }

    private WebTestClient.ResponseSpec place(Map<String, Object> body) {
        return web.post().uri("/v1/orders")
                .headers(h -> h.setBearerAuth(customer.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.BodyContentSpec expectProblem(
            WebTestClient.ResponseSpec response, int status, String type) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/" + type);
    }
}
