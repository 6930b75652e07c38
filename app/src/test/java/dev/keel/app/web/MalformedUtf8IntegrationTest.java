package dev.keel.app.web;

import dev.keel.app.KeelIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;

import static dev.keel.testing.CatalogFixtures.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body that is not well-formed UTF-8 is refused with the field named, never decoded leniently:
 * {@code 61 C0 AF 62} must not become {@code a/b}.
 */
class MalformedUtf8IntegrationTest extends KeelIntegrationTest {

    @ParameterizedTest
    @CsvSource({
            "name, c0af, an overlong encoding",
            "name, e080af, an overlong encoding",
            "description, c1bf, an overlong encoding",
            "name, 80, a continuation byte without a lead byte",
            "description, eda080, an encoded UTF-16 surrogate",
            "name, f4908080, a code point beyond U+10FFFF",
            "name, e282, a truncated sequence"})
    void illFormedBytesInAStringAreNamed(String field, String hex, String reason) {
        byte[] value = concat(bytes("a"), HexFormat.of().parseHex(hex), bytes("b"));
        byte[] body = field.equals("name") ? product(value, bytes("")) : product(bytes("Mug"), value);

        createProduct(body)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/invalid-field")
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(reason));
    }

    @Test
    void anOverlongDisplayNameIsRefused() {
        web.patch().uri("/v1/me")
                .headers(h -> h.setBearerAuth(tokens.customer()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(concat(bytes("{\"displayName\":\"a"), new byte[]{(byte) 0xC0, (byte) 0xAF}, bytes("b\"}")))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("displayName");
    }

    @Test
    void illFormedBytesOutsideAValueMakeTheBodyMalformed() {
        byte[] body = concat(bytes("{\"na"), new byte[]{(byte) 0xC0, (byte) 0xAF}, bytes("me\":\"x\"}"));

        createProduct(body)
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/malformed-json")
                .jsonPath("$.detail").isEqualTo("The body is not valid UTF-8: an overlong encoding at byte 4");
    }

    private WebTestClient.ResponseSpec createProduct(byte[] body) {
        return web.post().uri("/v1/products")
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static byte[] product(byte[] name, byte[] description) {
        return concat(bytes("{\"sku\":\"" + uniqueSku() + "\",\"name\":\""), name, bytes("\",\"description\":\""),
                description, bytes("\",\"price\":{\"amountMinor\":1,\"currency\":\"EUR\"}}"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
