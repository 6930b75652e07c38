package dev.keel.app.web;

import dev.keel.app.KeelIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;
import java.util.UUID;

import static dev.keel.testing.CatalogFixtures.uniqueSku;

/** Bad input gets a 4xx problem naming what is wrong, never a 500. */
class ProblemDetailsIntegrationTest extends KeelIntegrationTest {

    @Test
    void aMissingFieldIsNamed() {
        createProduct("{\"sku\":\"" + uniqueSku() + "\",\"price\":{\"amountMinor\":1,\"currency\":\"EUR\"}}")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void aNegativeAmountIsNamedWithItsPath() {
        createProduct(body("Thing", "-5", "\"EUR\""))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("price.amountMinor");
    }

    @Test
    void anUnknownCurrencyIsNamed() {
        createProduct(body("Thing", "5", "\"XYZ\""))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("price.currency")
                .jsonPath("$.errors[0].message").isEqualTo("must be an ISO 4217 currency code");
    }

    @Test
    void anUnknownFieldIsNamed() {
        createProduct("{\"sku\":\"" + uniqueSku() + "\",\"name\":\"x\",\"colour\":\"red\","
                + "\"price\":{\"amountMinor\":1,\"currency\":\"EUR\"}}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/unknown-field")
                .jsonPath("$.errors[0].field").isEqualTo("colour");
    }

    @Test
    void aFractionalAmountIsRefusedNotRounded() {
        createProduct(body("Thing", "19.99", "\"EUR\""))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/invalid-field")
                .jsonPath("$.errors[0].field").isEqualTo("price.amountMinor");
    }

    @Test
    void aWrongTypeIsNamed() {
        createProduct(body("Thing", "\"lots\"", "\"EUR\""))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("price.amountMinor");
    }

    @Test
    void malformedJsonIsABadRequest() {
        createProduct("{\"sku\": ")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/malformed-json");
    }

    @Test
    void anOversizedBodyIsRefused() {
        createProduct(body("x".repeat(70_000), "1", "\"EUR\""))
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/payload-too-large");
    }

    @Test
    void aMissingIdempotencyKeyIsNamed() {
        web.post().uri("/v1/products")
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body("Thing", "1", "\"EUR\""))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/missing-idempotency-key")
                .jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
    }

    @Test
    void textThatCannotBeStoredIsNamedAndNothingIsWritten() {
        createProduct(body("a\\u0000b", "1", "\"EUR\""))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/invalid-field")
                .jsonPath("$.errors[0].field").isEqualTo("name");
        createProduct(body("lone \\ud800 surrogate", "1", "\"EUR\""))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void aNumberTooBigForItsFieldIsNamed() {
        createProduct(body("Big", "100000000000000000000", "\"EUR\""))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/invalid-field")
                .jsonPath("$.errors[0].field").isEqualTo("price.amountMinor");
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
                .expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-if-match");
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
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void searchParametersOutOfRangeAreNamed() {
        web.get().uri("/v1/products?size=1000")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        web.get().uri("/v1/products?page=200&size=100")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/page-too-deep");
        web.get().uri("/v1/products?page=" + Integer.MAX_VALUE)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/page-too-deep");
        web.get().uri("/v1/products?page=many")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient.ResponseSpec createProduct(String json) {
        return web.post().uri("/v1/products")
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    private static String body(String name, String amountJson, String currencyJson) {
        return "{\"sku\":\"" + uniqueSku() + "\",\"name\":\"" + name + "\",\"description\":\"\","
                + "\"price\":{\"amountMinor\":" + amountJson + ",\"currency\":" + currencyJson + "}}";
    }
}
