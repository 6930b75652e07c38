package dev.keel.app.bounds;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.command.throttle.SignUpThrottle;
import dev.keel.testing.ClientAddresses;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;
import java.util.UUID;

import static dev.keel.testing.IdentityFixtures.PASSWORD;
import static dev.keel.testing.IdentityFixtures.uniqueEmail;

/** One address cannot sign up without limit, and another address is not held back by it. */
class SignUpThrottleIntegrationTest extends KeelIntegrationTest {

    @Autowired
    ClientAddresses addresses;
    @Autowired
    SignUpThrottle throttle;

    @Test
    void anAddressOverItsSignUpAllowanceGets429WithRetryAfterAndNoAccount() {
        String address = ClientAddresses.unique();
        while (throttle.take(address).isZero()) {
            // spends what the address may sign up now, as that many sign-ups would
        }
        String email = uniqueEmail();

        signUp(addresses.from(address), email)
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches("Retry-After", "[1-9][0-9]*")
                .expectBody().jsonPath("$.type").isEqualTo("/problems/too-many-requests");

        // the refused sign-up made no account, so its email is still free
        signUp(addresses.from(ClientAddresses.unique()), email).expectStatus().isCreated();
    }

    private static WebTestClient.ResponseSpec signUp(WebTestClient client, String email) {
        return client.post().uri("/v1/accounts")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("email", email, "password", PASSWORD, "displayName", "Throttled"))
                .exchange();
    }
}
