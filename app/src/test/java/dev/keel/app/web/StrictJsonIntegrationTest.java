package dev.keel.app.web;

import dev.keel.app.KeelIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.UUID;

import static dev.keel.testing.CatalogFixtures.uniqueSku;

/** JSON is read as written: no value changes type on the way in, and no key counts twice. */
class StrictJsonIntegrationTest extends KeelIntegrationTest {

    @Test
    void aNumberIsNotTakenForAString() {
        createProduct("{\"sku\":42,\"name\":\"Mug\",\"price\":{\"amountMinor\":1,\"currency\":\"EUR\"}}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/invalid-field")
                .jsonPath("$.errors[0].field").isEqualTo("sku")
                .jsonPath("$.detail").isEqualTo("Field 'sku' must be a string");
    }

    @Test
    void aBooleanIsNotTakenForAString() {
        createProduct("{\"sku\":\"" + uniqueSku() + "\",\"name\":true,\"price\":{\"amountMinor\":1,\"currency\":\"EUR\"}}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/invalid-field")
                .jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void aStringIsNotTakenForANumber() {
        createProduct("{\"sku\":\"" + uniqueSku() + "\",\"name\":\"Mug\",\"price\":{\"amountMinor\":\"1299\",\"currency\":\"EUR\"}}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/invalid-field")
                .jsonPath("$.errors[0].field").isEqualTo("price.amountMinor")
                .jsonPath("$.detail").isEqualTo("Field 'price.amountMinor' must be an integer");
    }

    @Test
    void aNumberIsNotTakenForAStringInAnAccountRequestEither() {
        web.post().uri("/v1/sessions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"a@example.com\",\"password\":1234567890123,\"deviceId\":\"phone\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
    }

    @Test
    void aKeyTwiceIsRefusedAndNamed() {
        createProduct("{\"sku\":\"" + uniqueSku() + "\",\"sku\":\"" + uniqueSku() + "\",\"name\":\"Mug\","
                + "\"price\":{\"amountMinor\":1,\"currency\":\"EUR\"}}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/duplicate-field")
                .jsonPath("$.errors[0].field").isEqualTo("sku");
    }

    @Test
    void aNestedKeyTwiceIsNamedWithItsPath() {
        createProduct("{\"sku\":\"" + uniqueSku() + "\",\"name\":\"Mug\","
                + "\"price\":{\"amountMinor\":1,\"currency\":\"EUR\",\"currency\":\"USD\"}}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/duplicate-field")
                .jsonPath("$.errors[0].field").isEqualTo("price.currency");
    }

    private WebTestClient.ResponseSpec createProduct(String json) {
        return web.post().uri("/v1/products")
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }
}
