package dev.keel.app.web;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static dev.keel.testing.CatalogFixtures.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;

/** Bodies are {@code application/json} in UTF-8; anything else is a 415 saying what to send. */
class ContentTypeIntegrationTest extends KeelIntegrationTest {

    @Autowired
    RawHttp raw;

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json;charset=UTF-8", "application/json; charset=utf-8",
            "APPLICATION/JSON; charset=\"utf-8\""})
    void jsonInUtf8IsRead(String contentType) {
        createProduct(contentType).expectStatus().isCreated();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ISO-8859-1", "UTF-16", "windows-1252", "US-ASCII"})
    void anotherCharsetIsRefusedAndNamed(String charset) {
        createProduct("application/json;charset=" + charset)
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/unsupported-media-type")
                .jsonPath("$.detail").isEqualTo("Charset " + charset + " is not supported: send the body in UTF-8")
                .jsonPath("$.errors[0].field").isEqualTo("Content-Type");
    }

    @Test
    void anUnknownCharsetIsRefused() {
        RawHttp.Response response = raw.request("POST", "/v1/products")
                .bearer(tokens.staff())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("application/json;charset=no-such-charset", "{}".getBytes(StandardCharsets.UTF_8))
                .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(415);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.json().at("/type").asString()).isEqualTo("/problems/unsupported-media-type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/vnd.keel+json", "application/merge-patch+json", "application/problem+json",
            "application/x-ndjson", "application/*", "text/json"})
    void otherJsonFlavoursAreRefused(String contentType) {
        createProduct(contentType)
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/unsupported-media-type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "deflate, identity", "br"})
    void aContentCodingIsRefusedRatherThanReadAsPlainJson(String coding) {
        RawHttp.Response response = raw.request("POST", "/v1/products")
                .bearer(tokens.staff())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Encoding", coding)
                .json("{\"sku\":\"" + uniqueSku() + "\",\"name\":\"Mug\",\"price\":{\"amountMinor\":1,\"currency\":\"EUR\"}}")
                .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(415);
        assertThat(response.header("Accept-Encoding")).isEqualTo("identity");
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("Content-Encoding");
    }

    private WebTestClient.ResponseSpec createProduct(String contentType) {
        return web.post().uri("/v1/products")
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", contentType)
                .bodyValue(("{\"sku\":\"" + uniqueSku() + "\",\"name\":\"Mug\",\"price\":{\"amountMinor\":1,"
                        + "\"currency\":\"EUR\"}}").getBytes(StandardCharsets.UTF_8))
                .exchange();
    }
}
