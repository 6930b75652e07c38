package dev.keel.app.account;

import dev.keel.api.account.SessionRefreshed;
import dev.keel.api.account.SessionRevocationReason;
import dev.keel.api.account.SessionRevoked;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.Concurrently;
import dev.keel.testing.IdentityFixtures.Session;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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

    private static final int RACE_ROUNDS = 10;

    @Autowired
    EventStore eventStore;

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
        String expired = tokens.encode(JwtClaimsSet.builder().issuer("keel").audience(List.of("keel")).subject(session.accountId())
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

    /** A thief replaying the old token from their own device is caught as well as one on the owner's. */
    @Test
    void aRotatedRefreshTokenFromAnotherDeviceRevokesTheWholeSessionToo() {
        Session stolen = identity.newCustomer();
        Session legitimate = identity.refresh(stolen);

        identity.refreshAttempt(stolen.refreshToken(), "the-thiefs-device")
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/refresh-token-reused");
        identity.refreshAttempt(legitimate.refreshToken(), legitimate.deviceId())
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-refresh-token");
        awaitSessions(legitimate, 0);
    }

    /**
     * The same refresh token twice at once is the reuse the rotation exists to catch: one caller gets
     * new tokens, the other is told of the reuse, and the session ends for both.
     */
    @Test
    void twoRefreshesWithOneTokenAtOnceGiveOneNewTokenPairAndRevokeTheSession() {
        String email = uniqueEmail();
        Session verified = identity.registerVerified(email, PASSWORD, "Double Tap", newDevice());
        String accountId = verified.accountId();
        List<String> sessionIds = new ArrayList<>();
        String accessToken = null;
        for (int round = 0; round < RACE_ROUNDS; round++) {
            Session session = round == 0 ? verified : identity.login(email, PASSWORD, newDevice());
            sessionIds.add(session.sessionId());

            List<EntityExchangeResult<Map>> answers = Concurrently.run(2, i ->
                    identity.refreshAttempt(session.refreshToken(), session.deviceId()).expectBody(Map.class).returnResult());

            assertThat(answers).extracting(answer -> answer.getStatus().value()).as("round %d", round)
                    .containsExactlyInAnyOrder(200, 401);
            int winner = answers.getFirst().getStatus().value() == 200 ? 0 : 1;
            Map<?, ?> refreshed = answers.get(winner).getResponseBody();
            assertThat(refreshed.get("sessionId")).isEqualTo(session.sessionId());
            assertThat(refreshed.get("refreshToken")).isNotEqualTo(session.refreshToken());
            assertThat(answers.get(1 - winner).getResponseBody().get("type")).isEqualTo("/problems/refresh-token-reused");
            identity.refreshAttempt((String) refreshed.get("refreshToken"), session.deviceId())
                    .expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-refresh-token");
            accessToken = (String) refreshed.get("accessToken");
        }

        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(accountId).forEachRemaining(events::add);
        assertThat(events).filteredOn(event -> event.getPayload() instanceof SessionRefreshed)
                .extracting(event -> ((SessionRefreshed) event.getPayload()).sessionId().toString())
                .as("one refresh a session").containsExactlyElementsOf(sessionIds);
        assertThat(events).filteredOn(event -> event.getPayload() instanceof SessionRevoked)
                .extracting(event -> (SessionRevoked) event.getPayload())
                .allSatisfy(revoked -> assertThat(revoked.reason()).isEqualTo(SessionRevocationReason.REFRESH_TOKEN_REUSED))
                .extracting(revoked -> revoked.sessionId().toString())
                .containsExactlyElementsOf(sessionIds);
        String stillValid = accessToken;
        await().atMost(Duration.ofSeconds(20)).until(() -> sessions(stillValid).isEmpty());
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
        assertRefreshRefused(tablet);
        identity.refresh(phone);
    }

    @Test
    void loggingOutEndsThisSessionOnly() {
        String email = uniqueEmail();
        identity.register(email, PASSWORD, "Logout");
        Session phone = identity.login(email, PASSWORD, newDevice());
        Session tablet = identity.login(email, PASSWORD, newDevice());

        delete(phone, "/v1/me/sessions/current").expectStatus().isNoContent();

        assertRefreshRefused(phone);
        identity.refresh(tablet);
    }

    @Test
    void signingOutEverywhereEndsEverySession() {
        String email = uniqueEmail();
        identity.register(email, PASSWORD, "Everywhere");
        Session phone = identity.login(email, PASSWORD, newDevice());
        Session tablet = identity.login(email, PASSWORD, newDevice());

        delete(phone, "/v1/me/sessions").expectStatus().isNoContent();

        assertRefreshRefused(phone);
        assertRefreshRefused(tablet);
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
        web.get().uri("/v1/me/sessions").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/unauthorized");
        web.delete().uri("/v1/me/sessions").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/unauthorized");
    }

    private void assertRefreshRefused(Session session) {
        identity.refreshAttempt(session.refreshToken(), session.deviceId())
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-refresh-token");
    }

    private WebTestClient.ResponseSpec delete(Session as, String path) {
        return web.delete().uri(path).headers(h -> h.setBearerAuth(as.accessToken())).exchange();
    }

    private List<?> sessions(Session as) {
        return sessions(as.accessToken());
    }

    private List<?> sessions(String accessToken) {
        return (List<?>) web.get().uri("/v1/me/sessions").headers(h -> h.setBearerAuth(accessToken)).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("sessions");
    }

    private void awaitSessions(Session as, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> sessions(as).size() == count);
    }
}
