package dev.keel.app.account;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.Concurrently;
import dev.keel.testing.IdentityFixtures.Session;
import dev.keel.testing.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import java.util.List;
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
    void aNewAccountSignsInByVerifyingItsEmailWithTheMailedLinkAndItsPasswordOnce() {
        String email = uniqueEmail();
        String accountId = identity.registerUnverified(email, PASSWORD, "Ada Lovelace");
        String token = TestMail.awaitToken(email, "/verify-email", 1);

        Map<?, ?> session = identity.verification(token, PASSWORD, "ada-phone")
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(session.get("accountId")).isEqualTo(accountId);
        identity.awaitMe((String) session.get("accessToken"), me -> me.get("emailVerified").equals(true)
                && me.get("displayName").equals("Ada Lovelace") && me.get("email").equals(email));
        identity.refresh(new Session((String) session.get("accessToken"), (String) session.get("refreshToken"),
                accountId, (String) session.get("sessionId"), "ada-phone"));
        identity.verification(token, PASSWORD, "ada-phone").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/link-invalid");
        identity.login(email, PASSWORD, newDevice());
    }

    /** Whoever registered an address may not own it: until it is proven, the password opens nothing. */
    @Test
    void anAccountWhoseAddressIsNotVerifiedCannotLogInAndIsToldWhy() {
        String email = uniqueEmail();
        identity.registerUnverified(email, PASSWORD, "Not Yet");

        identity.loginAttempt(email, PASSWORD, newDevice())
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/email-not-verified")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("open the link"))
                .jsonPath("$.accessToken").doesNotExist();
    }

    /** Only the right password learns that the address is not verified; a guesser learns nothing. */
    @Test
    void aWrongPasswordOnAnUnverifiedAccountGetsTheAnswerOfAnUnknownEmail() {
        identity.forgetClientAddress();
        String email = uniqueEmail();
        identity.registerUnverified(email, PASSWORD, "Guessed At");

        var wrongPassword = identity.loginAttempt(email, "not the password at all", newDevice())
                .expectStatus().isUnauthorized()
                .expectBody(Map.class).returnResult().getResponseBody();
        var unknownEmail = identity.loginAttempt(uniqueEmail(), "not the password at all", newDevice())
                .expectStatus().isUnauthorized()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(wrongPassword).isEqualTo(unknownEmail);
        identity.forgetClientAddress();
    }

    /** The link proves the mailbox; without the registrant's password it verifies nothing and stays usable. */
    @Test
    void theMailedLinkWithAWrongPasswordVerifiesNothing() {
        identity.forgetClientAddress();
        String email = uniqueEmail();
        identity.registerUnverified(email, PASSWORD, "Careful");
        String token = TestMail.awaitToken(email, "/verify-email", 1);

        identity.verification(token, "not the password at all", newDevice())
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-credentials");

        identity.loginAttempt(email, PASSWORD, newDevice()).expectStatus().isForbidden();
        identity.verification(token, PASSWORD, newDevice()).expectStatus().isCreated();
        identity.forgetClientAddress();
    }

    @Test
    void anUnknownVerificationTokenIsRefused() {
        identity.verification("not-a-token-we-sent", PASSWORD, newDevice()).expectStatus().isEqualTo(409)
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
        long before = jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();

        List<EntityExchangeResult<Map>> answers = Concurrently.run(6, i ->
                identity.registration(email, PASSWORD, "Racer " + i).expectBody(Map.class).returnResult());

        assertThat(answers).extracting(answer -> answer.getStatus().value())
                .containsExactlyInAnyOrder(201, 409, 409, 409, 409, 409);
        assertThat(answers).filteredOn(answer -> answer.getStatus().value() == 409)
                .allSatisfy(answer -> assertThat(answer.getResponseBody().get("type"))
                        .isEqualTo("/problems/email-already-registered"));
        int winner = answers.indexOf(answers.stream().filter(answer -> answer.getStatus().value() == 201)
                .findFirst().orElseThrow());
        String accountId = (String) answers.get(winner).getResponseBody().get("accountId");
        assertThat(jdbc.sql("""
                        SELECT aggregate_identifier FROM domain_event_entry
                        WHERE payload_type = 'dev.keel.api.account.AccountRegistered' AND global_index > ?""")
                .param(before).query(String.class).list())
                .as("accounts registered while the six raced").containsExactly(accountId);
        identity.awaitMe(tokens.forUser(accountId, "CUSTOMER"), me -> me.get("email").equals(email)
                && me.get("displayName").equals("Racer " + winner));
    }

    @Test
    void aShortPasswordIsRefusedNamingTheFieldAndTheAddressStaysFree() {
        String email = uniqueEmail();
        identity.registration(email, "short", "Shorty")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/weak-password")
                .jsonPath("$.errors[0].field").isEqualTo("password")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("at least 10"));
        identity.register(email, PASSWORD, "Shorty");
    }

    @Test
    void aCommonPasswordIsRefusedAndTheAddressStaysFree() {
        String email = uniqueEmail();
        identity.registration(email, "1234567890", "Common")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/weak-password")
                .jsonPath("$.errors[0].field").isEqualTo("password")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("common passwords"));
        identity.register(email, PASSWORD, "Common");
    }

    @Test
    void anInvalidEmailIsRefusedNamingTheField() {
        identity.registration("not-an-email", PASSWORD, "Nobody")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("email");
    }

    @Test
    void registeringNeedsAnIdempotencyKeyAndARetryReturnsTheFirstAccount() {
        var body = Map.of("email", uniqueEmail(), "password", PASSWORD, "displayName", "Retried");
        web.post().uri("/v1/accounts").bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/missing-idempotency-key")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Idempotency-Key"));

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
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/idempotency-key-reused");
    }
}
