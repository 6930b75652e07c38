package dev.keel.app.web;

import dev.keel.app.KeelIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.keel.testing.CatalogFixtures.productRequest;
import static dev.keel.testing.CatalogFixtures.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Bad input gets a 4xx problem naming what is wrong, never a 500. */
class ProblemDetailsIntegrationTest extends KeelIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMissingFieldIsNamedAndNothingIsWritten() {
        String sku = uniqueSku();
        createProduct("{\"sku\":\"" + sku + "\",\"price\":{\"amountMinor\":1,\"currency\":\"EUR\"}}")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("name");
        assertNoEventFor(sku);
    }

    @Test
    void aNegativeAmountIsNamedWithItsPath() {
        String sku = uniqueSku();
        createProduct(body(sku, "Thing", "-5", "\"EUR\""))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("price.amountMinor");
        assertNoEventFor(sku);
    }

    @Test
    void anUnknownCurrencyIsNamed() {
        String sku = uniqueSku();
        createProduct(body(sku, "Thing", "5", "\"XYZ\""))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("price.currency")
                .jsonPath("$.errors[0].message").isEqualTo("must be an ISO 4217 currency code");
        assertNoEventFor(sku);
    }

    @Test
    void anUnknownFieldIsNamed() {
        String sku = uniqueSku();
        createProduct("{\"sku\":\"" + sku + "\",\"name\":\"x\",\"colour\":\"red\","
                + "\"price\":{\"amountMinor\":1,\"currency\":\"EUR\"}}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/unknown-field")
                .jsonPath("$.errors[0].field").isEqualTo("colour");
        assertNoEventFor(sku);
    }

    @Test
    void aFractionalAmountIsRefusedNotRounded() {
        String sku = uniqueSku();
        createProduct(body(sku, "Thing", "19.99", "\"EUR\""))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/invalid-field")
                .jsonPath("$.errors[0].field").isEqualTo("price.amountMinor");
        assertNoEventFor(sku);
    }

    @Test
    void aWrongTypeIsNamed() {
        String sku = uniqueSku();
        createProduct(body(sku, "Thing", "\"lots\"", "\"EUR\""))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/invalid-field")
                .jsonPath("$.errors[0].field").isEqualTo("price.amountMinor");
        assertNoEventFor(sku);
    }

    @Test
    void malformedJsonIsABadRequest() {
        createProduct("{\"sku\": ")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/malformed-json");
    }

    @Test
    void anOversizedBodyIsRefused() {
        String sku = uniqueSku();
        createProduct(body(sku, "x".repeat(70_000), "1", "\"EUR\""))
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/payload-too-large");
        assertNoEventFor(sku);
    }

    @Test
    void aMissingIdempotencyKeyIsNamedAndNothingIsWritten() {
        String sku = uniqueSku();
        web.post().uri("/v1/products")
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body(sku, "Thing", "1", "\"EUR\""))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/missing-idempotency-key")
                .jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        assertNoEventFor(sku);
    }

    @Test
    void textThatCannotBeStoredIsNamedAndNothingIsWritten() {
        String sku = uniqueSku();
        createProduct(body(sku, "a\\u0000b", "1", "\"EUR\""))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/invalid-field")
                .jsonPath("$.errors[0].field").isEqualTo("name");
        createProduct(body(sku, "lone \\ud800 surrogate", "1", "\"EUR\""))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/invalid-field")
                .jsonPath("$.errors[0].field").isEqualTo("name");

        assertNothingWrittenFor(sku);
    }

    @Test
    void aNumberTooBigForItsFieldIsNamed() {
        String sku = uniqueSku();
        createProduct(body(sku, "Big", "100000000000000000000", "\"EUR\""))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/invalid-field")
                .jsonPath("$.errors[0].field").isEqualTo("price.amountMinor");
        assertNoEventFor(sku);
    }

    @Test
    void aBodyThatIsNotAnObjectSaysSo() {
        for (String json : new String[]{"[]", "\"x\"", "42"}) {
            createProduct(json)
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-body");
        }
    }

    @Test
    void anInvalidIfMatchIsABadRequest() {
        web.put().uri("/v1/products/{id}/price", UUID.randomUUID())
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("If-Match", "\"latest\"")
                .bodyValue(Map.of("amountMinor", 1, "currency", "EUR"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/invalid-field")
                .jsonPath("$.errors[0].field").isEqualTo("If-Match");
    }

    @Test
    void aMalformedProductIdIsABadRequest() {
        web.get().uri("/v1/products/not-a-uuid")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("productId");
    }

    @Test
    void anUnknownRouteIsAProblemToo() {
        web.get().uri("/v1/nothing-here")
                .headers(h -> h.setBearerAuth(tokens.customer()))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-found");
    }

    @Test
    void aWrongMediaTypeIsAProblem() {
        web.post().uri("/v1/products")
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("sku=1")
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/unsupported-media-type");
    }

    @Test
    void searchParametersOutOfRangeAreNamed() {
        web.get().uri("/v1/products?size=1000")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        web.get().uri("/v1/products?minPrice=-1")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("minPrice");
        web.get().uri("/v1/products?minPrice=500&maxPrice=100")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-field")
                .jsonPath("$.errors[0].field").isEqualTo("maxPrice");
        web.get().uri("/v1/products?sort=cheapest")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sort");
        web.get().uri("/v1/products?inStock=maybe")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/v1/products/suggestions?prefix=")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("prefix");
    }

    /** The event store holds no event naming this SKU. */
    private void assertNoEventFor(String sku) {
        assertThat(catalog.eventsNaming(sku)).as("events naming " + sku).isZero();
    }

    /**
     * No event, no claim on the SKU, and no row or document: a valid product with the SKU is then
     * created, and once both read models show it, it is the only thing they hold under that SKU.
     */
    private void assertNothingWrittenFor(String sku) {
        assertNoEventFor(sku);
        String productId = catalog.createProduct(productRequest(sku, "Written once", 100, "EUR"));
        catalog.awaitProductVersion(productId, 0);
        assertThat(jdbc.sql("SELECT product_id::text FROM product WHERE sku = ?").param(sku).query(String.class).list())
                .containsExactly(productId);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                web.get().uri(uri -> uri.path("/v1/products").queryParam("q", sku).build()).exchange()
                        .expectStatus().isOk()
                        .expectBody()
                        .jsonPath("$.total").isEqualTo(1)
                        .jsonPath("$.items[0].productId").isEqualTo(productId)
                        .jsonPath("$.items[0].name").isEqualTo("Written once"));
    }

    private WebTestClient.ResponseSpec createProduct(String json) {
        return web.post().uri("/v1/products")
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    private static String body(String sku, String name, String amountJson, String currencyJson) {
        return "{\"sku\":\"" + sku + "\",\"name\":\"" + name + "\",\"description\":\"\","
                + "\"price\":{\"amountMinor\":" + amountJson + ",\"currency\":" + currencyJson + "}}";
    }
}
