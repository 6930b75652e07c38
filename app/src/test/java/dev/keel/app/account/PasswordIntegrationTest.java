package dev.keel.app.account;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.IdentityFixtures.Session;
import dev.keel.testing.Processors;
import dev.keel.testing.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.keel.testing.IdentityFixtures.PASSWORD;
import static dev.keel.testing.IdentityFixtures.newDevice;
import static dev.keel.testing.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

class PasswordIntegrationTest extends KeelIntegrationTest {

    @Autowired
    Processors processors;

    private static final String NEW_PASSWORD = "a brand new passphrase 7";

    @BeforeEach
    @AfterEach
    void startFromACleanAddress() {
        identity.forgetClientAddress();
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsTheOtherSessions() {
        String email = uniqueEmail();
        identity.register(email, PASSWORD, "Changer");
        Session here = identity.login(email, PASSWORD, newDevice());
        Session elsewhere = identity.login(email, PASSWORD, newDevice());

        changePassword(here, "not my password", NEW_PASSWORD)
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/wrong-current-password")
                .jsonPath("$.errors[0].field").isEqualTo("currentPassword");
        changePassword(here, PASSWORD, "password").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/weak-password");

        changePassword(here, PASSWORD, NEW_PASSWORD).expectStatus().isNoContent();

        assertRefreshRefused(elsewhere);
        identity.refresh(here);
        assertLoginRefused(email, PASSWORD);
        identity.login(email, NEW_PASSWORD, newDevice());
    }

    @Test
    void aResetLinkSetsANewPasswordOnceAndEndsEverySession() {
        String email = uniqueEmail();
        identity.register(email, PASSWORD, "Forgetful");
        Session before = identity.login(email, PASSWORD, newDevice());

        requestReset(email).expectStatus().isAccepted();
        String token = TestMail.awaitToken(email, "/reset-password", 1);
        confirmReset(token, "short").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/weak-password")
                .jsonPath("$.errors[0].field").isEqualTo("newPassword");
        identity.login(email, PASSWORD, newDevice());
        confirmReset(token, NEW_PASSWORD).expectStatus().isNoContent();

        assertRefreshRefused(before);
        assertLoginRefused(email, PASSWORD);
        identity.login(email, NEW_PASSWORD, newDevice());
        confirmReset(token, "yet another passphrase 9").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/link-invalid");
    }

    @Test
    void aNewerResetLinkSupersedesTheOlderOne() {
        String email = uniqueEmail();
        identity.register(email, PASSWORD, "Twice");
        requestReset(email).expectStatus().isAccepted();
        String older = TestMail.awaitToken(email, "/reset-password", 1);
        requestReset(email).expectStatus().isAccepted();
        String newer = TestMail.awaitToken(email, "/reset-password", 2);

        confirmReset(older, NEW_PASSWORD).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/link-invalid");
        identity.login(email, PASSWORD, newDevice());
        confirmReset(newer, NEW_PASSWORD).expectStatus().isNoContent();
        assertLoginRefused(email, PASSWORD);
        identity.login(email, NEW_PASSWORD, newDevice());
    }

    @Test
    void aResetRequestWithAMalformedKeyIsRefusedRatherThanDroppedAfterThe202() {
        web.post().uri("/v1/password-resets").header("Idempotency-Key", "has a space")
                .bodyValue(Map.of("email", uniqueEmail())).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-idempotency-key");
    }

    /** The known address's mail, asked for after the unknown one, marks how far the mailer got. */
    @Test
    void aResetRequestAnswersTheSameWhetherOrNotTheEmailHasAnAccount() {
        String known = uniqueEmail();
        String account = identity.register(known, PASSWORD, "Known");
        String unknown = uniqueEmail();

        var forUnknown = requestReset(unknown).expectStatus().isAccepted().expectBody().returnResult();
        var forKnown = requestReset(known).expectStatus().isAccepted().expectBody().returnResult();

        assertThat(forUnknown.getResponseBody()).isEqualTo(forKnown.getResponseBody());
        TestMail.awaitToken(known, "/reset-password", 1);
        processors.awaitHandled("account-mail", processors.positionsOf(List.of(account)));
        assertThat(TestMail.to(unknown)).isEmpty();
    }

    private void assertRefreshRefused(Session session) {
        identity.refreshAttempt(session.refreshToken(), session.deviceId())
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-refresh-token");
    }

    private void assertLoginRefused(String email, String password) {
        identity.loginAttempt(email, password, newDevice())
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-credentials");
    }

    private WebTestClient.ResponseSpec changePassword(Session as, String current, String next) {
        return web.put().uri("/v1/me/password")
                .headers(h -> h.setBearerAuth(as.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("currentPassword", current, "newPassword", next))
                .exchange();
    }

    private WebTestClient.ResponseSpec requestReset(String email) {
        return web.post().uri("/v1/password-resets")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("email", email))
                .exchange();
    }

    private WebTestClient.ResponseSpec confirmReset(String token, String newPassword) {
        return web.post().uri("/v1/password-resets/confirmation")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("token", token, "newPassword", newPassword))
                .exchange();
    }
}
