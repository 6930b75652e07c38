package dev.keel.app.web;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A path segment that converts to nothing is the client's mistake: a 400 naming it, not a 500. */
class PathVariablesIntegrationTest extends KeelIntegrationTest {

    @Autowired
    RawHttp raw;

    @Test
    void aBlankRoleIsNamed() {
        RawHttp.Response response = raw.request("PUT", "/v1/accounts/" + UUID.randomUUID() + "/roles/%20")
                .bearer(tokens.staff())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.json().at("/type").asString()).isEqualTo("/problems/invalid-field");
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("role");
    }

    @Test
    void aBlankProductIdIsNamed() {
        RawHttp.Response response = raw.request("GET", "/v1/products/%20").send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("productId");
    }
}
