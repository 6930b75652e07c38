package dev.keel.app.account;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.IdentityFixtures.Session;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.keel.testing.IdentityFixtures.PASSWORD;
import static dev.keel.testing.IdentityFixtures.newDevice;
import static dev.keel.testing.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Staying signed in: rotation, theft detection, listing and ending sessions. */
class SessionIntegrationTest extends KeelIntegrationTest {

    @Test
    void aRefreshRotatesTheRefreshTokenAndKeepsTheSession() {
        Session first = identity.newCustomer();
        Session second = identity.refresh(first);

        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.sessionId()).isEqualTo(first.sessionId());
        assertThat(identity.refresh(second).sessionId()).isEqualTo(first.sessionId());
    }

    /** Apps attach their access token to every call; by the time they refresh, it has expired. */
    @Test
    void aRefreshWorksThoughTheAppStillSendsItsExpiredAccessToken() {
        Session session = identity.newCustomer();
        Instant past = Instant.now().minus(1, ChronoUnit.HOURS);
        String expired = tokens.encode(JwtClaimsSet.builder().issuer("keel").subject(session.accountId())
                .issuedAt(past).expiresAt(past.plus(15, ChronoUnit.MINUTES)).claim("roles", List.of("CUSTOMER"))
                .build());

        web.post().uri("/v1/sessions/refresh")
                .headers(h -> h.setBearerAuth(expired))
                .bodyValue(Map.of("refreshToken", session.refreshToken(), "deviceId", session.deviceId()))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.sessionId").isEqualTo(session.sessionId());
    }

    @Test
    void presentingARotatedRefreshTokenAgainRevokesTheWholeSession() {
        Session stolen = identity.newCustomer();
        Session legitimate = identity.refresh(stolen);

        identity.refreshAttempt(stolen.refreshToken(), stolen.deviceId())
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/refresh-token-reused");
        identity.refreshAttempt(legitimate.refreshToken(), legitimate.deviceId())
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-refresh-token");
        awaitSessions(legitimate, 0);
    }

    @Test
    void aRefreshTokenOnlyWorksFromItsDevice() {
        Session session = identity.newCustomer();
        identity.refreshAttempt(session.refreshToken(), "another-device")
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-refresh-token");
        identity.refresh(session);
    }

    @Test
    void anUnknownRefreshTokenIsRefused() {
        identity.refreshAttempt("no-such-token-" + UUID.randomUUID(), newDevice())
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-refresh-token");
    }

    @Test
    void myDevicesAreListedAndICanEndOneOfThem() {
        String email = uniqueEmail();
        identity.register(email, PASSWORD, "Two Phones");
        Session phone = identity.login(email, PASSWORD, newDevice());
        Session tablet = identity.login(email, PASSWORD, newDevice());
        awaitSessions(phone, 2);

        delete(phone, "/v1/me/sessions/" + tablet.sessionId()).expectStatus().isNoContent();

        awaitSessions(phone, 1);
        identity.refreshAttempt(tablet.refreshToken(), tablet.deviceId()).expectStatus().isUnauthorized();
        identity.refresh(phone);
    }

    @Test
    void loggingOutEndsThisSessionOnly() {
        String email = uniqueEmail();
        identity.register(email, PASSWORD, "Logout");
        Session phone = identity.login(email, PASSWORD, newDevice());
        Session tablet = identity.login(email, PASSWORD, newDevice());

        delete(phone, "/v1/me/sessions/current").expectStatus().isNoContent();

        identity.refreshAttempt(phone.refreshToken(), phone.deviceId()).expectStatus().isUnauthorized();
        identity.refresh(tablet);
    }

    @Test
    void signingOutEverywhereEndsEverySession() {
        String email = uniqueEmail();
        identity.register(email, PASSWORD, "Everywhere");
        Session phone = identity.login(email, PASSWORD, newDevice());
        Session tablet = identity.login(email, PASSWORD, newDevice());

        delete(phone, "/v1/me/sessions").expectStatus().isNoContent();

        identity.refreshAttempt(phone.refreshToken(), phone.deviceId()).expectStatus().isUnauthorized();
        identity.refreshAttempt(tablet.refreshToken(), tablet.deviceId()).expectStatus().isUnauthorized();
    }

    @Test
    void anotherCustomersSessionCannotBeEndedNorSeen() {
        Session mine = identity.newCustomer();
        Session theirs = identity.newCustomer();
        awaitSessions(theirs, 1);

        delete(mine, "/v1/me/sessions/" + theirs.sessionId())
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-found");
        identity.refresh(theirs);
        List<Object> visible = sessions(mine).stream().map(session -> (Object) ((Map<?, ?>) session).get("sessionId")).toList();
        assertThat(visible).containsExactly(mine.sessionId());
    }

    @Test
    void sessionsNeedASignedInCaller() {
        web.get().uri("/v1/me/sessions").exchange().expectStatus().isUnauthorized();
        web.delete().uri("/v1/me/sessions").exchange().expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec delete(Session as, String path) {
        return web.delete().uri(path).headers(h -> h.setBearerAuth(as.accessToken())).exchange();
    }

    private List<?> sessions(Session as) {
        return (List<?>) web.get().uri("/v1/me/sessions").headers(h -> h.setBearerAuth(as.accessToken())).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("sessions");
    }

    private void awaitSessions(Session as, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> sessions(as).size() == count);
    }
}
