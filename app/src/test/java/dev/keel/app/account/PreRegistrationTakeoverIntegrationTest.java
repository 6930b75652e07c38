package dev.keel.app.account;

import dev.keel.api.account.LoginSucceeded;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.FirebaseStandIn;
import dev.keel.testing.IdentityFixtures.Session;
import dev.keel.testing.TestMail;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.keel.testing.IdentityFixtures.newDevice;
import static dev.keel.testing.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Somebody registers the owner's address with a password of their own and waits: for the owner to
 * click the mailed link, or to sign in with Google (Firebase), which links to the account. Whoever
 * proves the address must end up the only one with access: the squatter with no session, no refresh
 * token and no password that works, whichever way the owner comes.
 */
class PreRegistrationTakeoverIntegrationTest extends KeelIntegrationTest {

    private static final String SQUATTERS_PASSWORD = "the squatter's own password 1";
    private static final String OWNERS_PASSWORD = "the owner's new passphrase 2";

    @Autowired
    FirebaseStandIn firebase;
    @Autowired
    EventStore eventStore;

    private final String squattersDevice = "squatter-" + UUID.randomUUID();

    @BeforeEach
    @AfterEach
    void startFromACleanAddress() {
        identity.forgetClientAddress();
    }

    @Test
    void theOwnerWhoOpensTheMailedLinkTakesTheAccountOverAndTheSquatterIsLeftWithNothing() {
        String email = uniqueEmail();
        String accountId = squat(email);

        // The owner finds the mail, but the link alone proves only the mailbox, not who registered.
        String link = TestMail.awaitToken(email, "/verify-email", 1);
        identity.verification(link, "what the owner would choose 3", newDevice())
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/invalid-credentials")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("reset the password"))
                .jsonPath("$.refreshToken").doesNotExist();
        assertSquatterCannotSignIn(email, 403, "/problems/email-not-verified");

        Session owner = resetAndLogIn(email);

        assertThat(owner.accountId()).isEqualTo(accountId);
        assertSquatterCannotSignIn(email, 401, "/problems/invalid-credentials");
        identity.verification(link, SQUATTERS_PASSWORD, squattersDevice)
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/link-invalid");
        assertOnlyTheOwnerEverHadASession(accountId, owner, owner.sessionId());
    }

    @Test
    void theOwnerWhoSignsInWithFirebaseTakesTheAccountOverAndTheSquatterIsLeftWithNothing() {
        String email = uniqueEmail();
        String accountId = squat(email);
        String google = firebase.idToken("firebase-" + UUID.randomUUID(), email, true, "Owner");

        signInWithFirebase(google).expectStatus().isEqualTo(403)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/email-not-verified")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("reset the password"));

        Session owner = resetAndLogIn(email);
        Map<?, ?> linked = signInWithFirebase(google).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(linked.get("accountId")).isEqualTo(accountId);
        identity.awaitMe((String) linked.get("accessToken"), me -> me.get("emailVerified").equals(true));
        assertSquatterCannotSignIn(email, 401, "/problems/invalid-credentials");
        assertOnlyTheOwnerEverHadASession(accountId, owner, owner.sessionId(), (String) linked.get("sessionId"));
    }

    /** The squatter registers the owner's address, and cannot sign in on it: it is not theirs yet. */
    private String squat(String email) {
        String accountId = identity.registerUnverified(email, SQUATTERS_PASSWORD, "Squatter");
        assertSquatterCannotSignIn(email, 403, "/problems/email-not-verified");
        return accountId;
    }

    private void assertSquatterCannotSignIn(String email, int status, String problem) {
        identity.loginAttempt(email, SQUATTERS_PASSWORD, squattersDevice)
                .expectStatus().isEqualTo(status)
                .expectBody()
                .jsonPath("$.type").isEqualTo(problem)
                .jsonPath("$.accessToken").doesNotExist()
                .jsonPath("$.refreshToken").doesNotExist();
    }

    /** A reset proves the address, replaces the password and ends every session. */
    private Session resetAndLogIn(String email) {
        web.post().uri("/v1/password-resets").header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("email", email)).exchange().expectStatus().isAccepted();
        web.post().uri("/v1/password-resets/confirmation").header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("token", TestMail.awaitToken(email, "/reset-password", 1), "newPassword", OWNERS_PASSWORD))
                .exchange().expectStatus().isNoContent();
        Session owner = identity.login(email, OWNERS_PASSWORD, newDevice());
        identity.awaitMe(owner.accessToken(), me -> me.get("emailVerified").equals(true));
        return owner;
    }

    /** No session of the account ever started on the squatter's device; the owner's are all it has. */
    private void assertOnlyTheOwnerEverHadASession(String accountId, Session owner, String... ownersSessions) {
        List<LoginSucceeded> logins = new ArrayList<>();
        eventStore.readEvents(accountId).forEachRemaining(event -> {
            if (event.getPayload() instanceof LoginSucceeded login) {
                logins.add(login);
            }
        });
        assertThat(logins).isNotEmpty().noneMatch(login -> login.deviceId().equals(squattersDevice));
        await().atMost(Duration.ofSeconds(20)).until(() -> ((List<?>) web.get().uri("/v1/me/sessions")
                        .headers(h -> h.setBearerAuth(owner.accessToken())).exchange()
                        .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("sessions"))
                        .stream().map(session -> ((Map<?, ?>) session).get("sessionId")).toList(),
                live -> live.size() == ownersSessions.length && live.containsAll(List.of(ownersSessions)));
    }

    private WebTestClient.ResponseSpec signInWithFirebase(String idToken) {
        return web.post().uri("/v1/sessions/firebase")
                .bodyValue(Map.of("idToken", idToken, "deviceId", newDevice()))
                .exchange();
    }
}
