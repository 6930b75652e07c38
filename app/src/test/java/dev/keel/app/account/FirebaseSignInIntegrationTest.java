package dev.keel.app.account;

import dev.keel.api.account.FirebaseUserLinked;
import dev.keel.api.account.LoginSucceeded;
import dev.keel.api.account.SignInMethod;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.FirebaseStandIn;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.keel.testing.IdentityFixtures.PASSWORD;
import static dev.keel.testing.IdentityFixtures.newDevice;
import static dev.keel.testing.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in with Firebase through the real Admin SDK, whose HTTP transport fetches the signing
 * certificates from a local stand-in and looks the user up there for the revocation check, with a
 * service account whose token endpoint is the stand-in too; the ID tokens are signed with a test key.
 */
class FirebaseSignInIntegrationTest extends KeelIntegrationTest {

    @Autowired
    FirebaseStandIn firebase;
    @Autowired
    EventStore eventStore;

    @Test
    void aFirstSignInCreatesTheAccountAndTheNextOneFindsIt() {
        String uid = "firebase-" + UUID.randomUUID();
        String email = uniqueEmail();
        String idToken = firebase.idToken(uid, email, true, "Fire Base");

        Map<?, ?> first = signIn(idToken).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> second = signIn(idToken).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(second.get("accountId")).isEqualTo(first.get("accountId"));
        assertThat(second.get("sessionId")).isNotEqualTo(first.get("sessionId"));
        identity.awaitMe((String) first.get("accessToken"), me -> me.get("email").equals(email)
                && me.get("emailVerified").equals(true) && me.get("displayName").equals("Fire Base"));
        assertThat(firebase.certificateFetches()).isPositive();
        assertThat(firebase.lookups()).isPositive();
        assertThat(firebase.refusedRequests()).as("requests the SDK sent that Google would refuse").isEmpty();
    }

    /** A user who signed out everywhere (or was signed out by the project) has ID tokens left for up to an hour. */
    @Test
    void aTokenIssuedBeforeTheUsersTokensWereRevokedIsRefused() {
        String uid = "firebase-" + UUID.randomUUID();
        String idToken = firebase.idToken(uid, uniqueEmail(), true, "Signed Out");
        signIn(idToken).expectStatus().isCreated();
        int lookups = firebase.lookups();

        firebase.revokeTokens(uid);

        assertRefused(idToken);
        assertThat(firebase.lookups()).isGreaterThan(lookups);
    }

    @Test
    void aDisabledUserIsRefused() {
        String uid = "firebase-" + UUID.randomUUID();
        String idToken = firebase.idToken(uid, uniqueEmail(), true, "Blocked");
        firebase.disable(uid);

        assertRefused(idToken);
    }

    /** Keel failing to ask Google is not the user's token being bad: 503, so the app tries again. */
    @Test
    void whenTheRevocationCheckCannotReachGoogleSignInIsUnavailable() {
        String idToken = firebase.idToken("firebase-" + UUID.randomUUID(), uniqueEmail(), true, "Unlucky");
        firebase.failLookups(true);
        try {
            signIn(idToken).expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.type").isEqualTo("/problems/firebase-unavailable");
        } finally {
            firebase.failLookups(false);
        }
        signIn(idToken).expectStatus().isCreated();
    }

    @Test
    void aVerifiedFirebaseEmailLinksTheExistingPasswordAccount() {
        String email = uniqueEmail();
        String accountId = identity.register(email, PASSWORD, "Both Ways");

        Map<?, ?> tokens = signIn(firebase.idToken("firebase-" + UUID.randomUUID(), email, true, "Both Ways"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(tokens.get("accountId")).isEqualTo(accountId);
        identity.login(email, PASSWORD, newDevice());
    }

    @Test
    void anUnverifiedFirebaseEmailDoesNotTakeOverAnExistingAccount() {
        String email = uniqueEmail();
        String accountId = identity.register(email, PASSWORD, "Careful");

        signIn(firebase.idToken("firebase-" + UUID.randomUUID(), email, false, "Impostor"))
                .expectStatus().isEqualTo(403)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/email-not-verified");
        List<Object> events = new ArrayList<>();
        eventStore.readEvents(accountId).forEachRemaining(event -> events.add(event.getPayload()));
        assertThat(events).noneMatch(event -> event instanceof FirebaseUserLinked
                || event instanceof LoginSucceeded login && login.method() == SignInMethod.FIREBASE);
    }

    /** Otherwise a Firebase user with somebody else's unproven address would take the address first. */
    @Test
    void anUnverifiedFirebaseEmailMakesNoAccount() {
        String email = uniqueEmail();
        signIn(firebase.idToken("firebase-" + UUID.randomUUID(), email, false, "Unproven"))
                .expectStatus().isEqualTo(403)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/email-not-verified");
        identity.register(email, PASSWORD, "The Owner");
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant past = Instant.now().minus(2, ChronoUnit.HOURS);
        assertRefused(changed(claims -> claims.issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(1, ChronoUnit.HOURS)))));
    }

    @Test
    void aTokenForAnotherProjectIsRefused() {
        assertRefused(changed(claims -> claims.audience("someone-elses-project")));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertRefused(changed(claims -> claims.issuer("https://securetoken.google.com/someone-elses-project")));
    }

    @Test
    void aTamperedTokenIsRefused() {
        String[] parts = firebase.idToken("firebase-" + UUID.randomUUID(), uniqueEmail(), true, "Honest").split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("Honest", "Mallory");
        assertRefused(parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2]);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey foreign = generator.generateKeyPair().getPrivate();
        assertRefused(firebase.idToken("firebase-" + UUID.randomUUID(), uniqueEmail(), true, "Forger",
                claims -> claims, foreign));
    }

    private String changed(java.util.function.UnaryOperator<com.nimbusds.jwt.JWTClaimsSet.Builder> change) {
        return firebase.idToken("firebase-" + UUID.randomUUID(), uniqueEmail(), true, "Changed", change,
                firebase.signingKey());
    }

    private void assertRefused(String idToken) {
        signIn(idToken).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-firebase-token");
    }

    private WebTestClient.ResponseSpec signIn(String idToken) {
        return web.post().uri("/v1/sessions/firebase")
                .bodyValue(Map.of("idToken", idToken, "deviceId", newDevice()))
                .exchange();
    }
}
