package dev.keel.app.account;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.util.Map;
import java.util.UUID;

import static dev.keel.testing.IdentityFixtures.PASSWORD;
import static dev.keel.testing.IdentityFixtures.newDevice;
import static dev.keel.testing.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

class RegistrationIntegrationTest extends KeelIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewAccountVerifiesItsEmailWithTheMailedLinkOnce() {
        String email = uniqueEmail();
        String accountId = identity.register(email, PASSWORD, "Ada Lovelace");
        var session = identity.login(email, PASSWORD, newDevice());
        assertThat(session.accountId()).isEqualTo(accountId);
        identity.awaitMe(session.accessToken(), me -> me.get("emailVerified").equals(false)
                && me.get("displayName").equals("Ada Lovelace") && me.get("email").equals(email));

        String token = TestMail.awaitToken(email, "/verify-email", 1);
        verify(token).expectStatus().isNoContent();

        identity.awaitMe(session.accessToken(), me -> me.get("emailVerified").equals(true));
        verify(token).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/link-invalid");
    }

    @Test
    void anUnknownVerificationTokenIsRefused() {
        verify("not-a-token-we-sent").expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/link-invalid");
    }

    @Test
    void aSecondAccountWithTheSameEmailIsRefusedWhateverItsCase() {
        String email = uniqueEmail();
        identity.register(email, PASSWORD, "First");
        identity.registration(email.toUpperCase(), PASSWORD, "Second")
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/email-already-registered");
    }

    @Test
    void parallelRegistrationsOfOneEmailMakeExactlyOneAccount() {
        String email = uniqueEmail();
        var statuses = Flux.range(0, 6)
                .parallel(6).runOn(Schedulers.boundedElastic())
                .map(i -> identity.registration(email, PASSWORD, "Racer " + i).returnResult(Map.class).getStatus().value())
                .sequential().collectList().block();

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(5);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE payload_type = 'dev.keel.api.account.AccountRegistered' AND aggregate_identifier IN (
                            SELECT owner_id FROM unique_claim WHERE scope = 'account-email')""")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void aShortPasswordIsRefusedNamingTheField() {
        identity.registration(uniqueEmail(), "short", "Shorty")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/weak-password")
                .jsonPath("$.errors[0].field").isEqualTo("password")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("at least 10"));
    }

    @Test
    void aCommonPasswordIsRefused() {
        identity.registration(uniqueEmail(), "1234567890", "Common")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/weak-password")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("common passwords"));
    }

    @Test
    void anInvalidEmailIsRefusedNamingTheField() {
        identity.registration("not-an-email", PASSWORD, "Nobody")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
    }

    @Test
    void registeringNeedsAnIdempotencyKeyAndARetryReturnsTheFirstAccount() {
        var body = Map.of("email", uniqueEmail(), "password", PASSWORD, "displayName", "Retried");
        web.post().uri("/v1/accounts").bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Idempotency-Key"));

        String key = UUID.randomUUID().toString();
        Object first = web.post().uri("/v1/accounts").header("Idempotency-Key", key).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("accountId");
        Object retried = web.post().uri("/v1/accounts").header("Idempotency-Key", key).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("accountId");
        assertThat(retried).isEqualTo(first);
    }

    /** Anonymous callers share one key space: another body under a used key must not get its answer. */
    @Test
    void anotherRegistrationUnderAUsedKeyIsRefusedAndLearnsNothing() {
        String key = UUID.randomUUID().toString();
        web.post().uri("/v1/accounts").header("Idempotency-Key", key)
                .bodyValue(Map.of("email", uniqueEmail(), "password", PASSWORD, "displayName", "First"))
                .exchange().expectStatus().isCreated();

        web.post().uri("/v1/accounts").header("Idempotency-Key", key)
                .bodyValue(Map.of("email", uniqueEmail(), "password", PASSWORD, "displayName", "Second"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/idempotency-key-reused")
                .jsonPath("$.accountId").doesNotExist();
        web.post().uri("/v1/accounts").header("Idempotency-Key", key)
                .bodyValue(Map.of("email", uniqueEmail(), "password", PASSWORD + " but another", "displayName", "First"))
                .exchange()
                .expectStatus().isEqualTo(422);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec verify(String token) {
        return web.post().uri("/v1/accounts/email-verification")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("token", token))
                .exchange();
    }
}
