package dev.keel.app.account;

import dev.keel.app.KeelIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.Map;
import java.util.UUID;

/**
 * A valid token whose subject is no account (made by hand for another system, say) gets the same
 * answer from the query side and the command side of {@code /v1/me}: 403 {@code not-an-account}.
 */
class NotAnAccountIntegrationTest extends KeelIntegrationTest {

    @Test
    void readingMeWithATokenForNoAccountIsForbidden() {
        web.get().uri("/v1/me").headers(h -> h.setBearerAuth(tokens.forUser("dashboard-service", "CUSTOMER")))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-an-account");
    }

    @Test
    void changingMeWithATokenForNoAccountIsForbidden() {
        web.patch().uri("/v1/me").headers(h -> h.setBearerAuth(tokens.forUser("dashboard-service", "CUSTOMER")))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("displayName", "Nobody"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-an-account");
    }
}
