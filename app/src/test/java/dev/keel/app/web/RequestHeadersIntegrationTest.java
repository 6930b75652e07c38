package dev.keel.app.web;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.IdentityFixtures;
import dev.keel.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static dev.keel.testing.CatalogFixtures.productRequest;
import static dev.keel.testing.CatalogFixtures.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A header is taken as sent or refused: a single-valued header (or query parameter) sent twice is a
 * 400 rather than "first wins", and If-Match is only what RFC 9110 lets match one of Keel's ETags.
 * An Accept that rules JSON out is a 406 before anything happens.
 */
class RequestHeadersIntegrationTest extends KeelIntegrationTest {

    private static final String PRICE = "{\"amountMinor\":999,\"currency\":\"EUR\"}";

    @Autowired
    RawHttp raw;

    @Test
    void anIdempotencyKeySentTwiceIsRefusedAndNothingIsCreated() {
        String sku = uniqueSku();
        RawHttp.Response response = raw.request("POST", "/v1/products")
                .bearer(tokens.staff())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .json("{\"sku\":\"" + sku + "\",\"name\":\"Mug\",\"price\":" + PRICE + "}")
                .send();

        assertRefused(response, "Idempotency-Key");
        web.get().uri("/v1/products?q=" + sku).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void anAuthorizationSentTwiceIsRefusedEvenIfOneIsValid() {
        RawHttp.Response response = raw.request("GET", "/v1/me/sessions")
                .bearer(tokens.customer())
                .bearer(tokens.staff())
                .send();

        assertRefused(response, "Authorization");
    }

    @Test
    void anAuthorizationSentTwiceIsRefusedWhereNoTokenIsNeededToo() {
        RawHttp.Response response = raw.request("POST", "/v1/password-resets")
                .header("Authorization", "Bearer a")
                .header("Authorization", "Bearer b")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .json("{\"email\":\"nobody@example.com\"}")
                .send();

        assertRefused(response, "Authorization");
    }

    @Test
    void aContentTypeSentTwiceIsRefused() {
        RawHttp.Response response = raw.request("POST", "/v1/sessions")
                .header("Content-Type", "application/json")
                .json("{\"email\":\"a@example.com\",\"password\":\"x\",\"deviceId\":\"d\"}")
                .send();

        assertRefused(response, "Content-Type");
    }

    @Test
    void aQueryParameterSentTwiceIsRefused() {
        RawHttp.Response response = raw.request("GET", "/v1/products?page=0&size=5&page=1").send();

        assertRefused(response, "page");
    }

    @Test
    void anIdempotencyKeyWithAControlCharacterIsABadRequestNotAServerError() {
        RawHttp.Response response = raw.request("PUT", "/v1/products/" + UUID.randomUUID() + "/price")
                .bearer(tokens.staff())
                .header("Idempotency-Key", new byte[]{'a', (byte) 0x85, 'b'})
                .json(PRICE)
                .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "W/\"0\"", "0", "\"-1\"", "\"0\", \"1\""})
    void anIfMatchThatCannotMatchStronglyIsRefusedAndThePriceStays(String ifMatch) {
        String productId = catalog.createProduct(productRequest(uniqueSku(), "Mug", 1299, "EUR"));

        RawHttp.Response response = raw.request("PUT", "/v1/products/" + productId + "/price")
                .bearer(tokens.staff())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("If-Match", ifMatch)
                .json(PRICE)
                .send();

        assertRefused(response, "If-Match");
        catalog.awaitProductVersion(productId, 0);
        web.get().uri("/v1/products/{id}", productId).exchange()
                .expectBody().jsonPath("$.price.amountMinor").isEqualTo(1299);
    }

    @Test
    void anIfMatchSentOnTwoLinesIsAListOfTwoAndRefused() {
        RawHttp.Response response = raw.request("PUT", "/v1/products/" + UUID.randomUUID() + "/price")
                .bearer(tokens.staff())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("If-Match", "\"0\"")
                .header("If-Match", "\"1\"")
                .json(PRICE)
                .send();

        assertRefused(response, "If-Match");
    }

    @Test
    void aStrongVersionTagApplies() {
        String productId = catalog.createProduct(productRequest(uniqueSku(), "Mug", 1299, "EUR"));

        RawHttp.Response response = raw.request("PUT", "/v1/products/" + productId + "/price")
                .bearer(tokens.staff())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("If-Match", "\"0\"")
                .json(PRICE)
                .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void aDeviceIdTooLongIsRefusedNotCut() {
        RawHttp.Response response = createProductWith("X-Device-Id", "d".repeat(129).getBytes(StandardCharsets.US_ASCII));

        assertRefused(response, "X-Device-Id");
    }

    @Test
    void aDeviceIdBeyondAsciiIsRefusedNotReadAsLatin1() {
        RawHttp.Response response = createProductWith("X-Device-Id", "caf\u00e9".getBytes(StandardCharsets.UTF_8));

        assertRefused(response, "X-Device-Id");
    }

    @Test
    void aCorrelationIdWithASpaceIsRefused() {
        RawHttp.Response response = createProductWith("X-Correlation-Id", "a b".getBytes(StandardCharsets.US_ASCII));

        assertRefused(response, "X-Correlation-Id");
    }

    @Test
    void anAcceptHeaderThatCannotBeParsedStillGetsAProblemBody() {
        RawHttp.Response response = raw.request("GET", "/v1/products/not-a-uuid").header("Accept", "garbage").send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("productId");
    }

    /** Before, the account was registered and the 406 came after, carrying the success's Location. */
    @Test
    void aCommandWhoseAcceptRulesOutJsonIsRefusedBeforeItRuns() {
        String email = IdentityFixtures.uniqueEmail();
        String registration = "{\"email\":\"" + email + "\",\"password\":\"" + IdentityFixtures.PASSWORD
                + "\",\"displayName\":\"Ada\"}";
        RawHttp.Response refused = raw.request("POST", "/v1/accounts")
                .header("Accept", "text/html")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .json(registration)
                .send();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(406);
        assertThat(refused.json().at("/type").asString()).isEqualTo("/problems/not-acceptable");
        assertThat(refused.header("Location")).isNull();
        identity.register(email, IdentityFixtures.PASSWORD, "Ada");
    }

    @Test
    void anAcceptThatCannotBeParsedIsDisregarded() {
        RawHttp.Response response = raw.request("GET", "/v1/products?q=mug").header("Accept", "garbage").send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
    }

    private RawHttp.Response createProductWith(String header, byte[] value) {
        return raw.request("POST", "/v1/products")
                .bearer(tokens.staff())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header(header, value)
                .json("{\"sku\":\"" + uniqueSku() + "\",\"name\":\"Mug\",\"price\":" + PRICE + "}")
                .send();
    }

    private static void assertRefused(RawHttp.Response response, String header) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.json().at("/type").asString()).isEqualTo("/problems/invalid-field");
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo(header);
    }
}
