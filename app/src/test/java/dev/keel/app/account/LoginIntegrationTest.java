package dev.keel.app.account;

import dev.keel.api.account.LoginFailed;
import dev.keel.api.account.LoginSucceeded;
import dev.keel.api.metadata.MetadataKeys;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.TestTokens;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.keel.testing.IdentityFixtures.PASSWORD;
import static dev.keel.testing.IdentityFixtures.newDevice;
import static dev.keel.testing.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

/** Logging in, and the abuse cases: guessing, enumeration, brute force from one address. */
class LoginIntegrationTest extends KeelIntegrationTest {

    @Autowired
    EventStore eventStore;

    @BeforeEach
    @AfterEach
    void startFromACleanAddress() {
        identity.forgetClientAddress();
    }

    @Test
    void theAccessTokenSpeaksForTheAccountAndItsSession() {
        String email = uniqueEmail();
        String accountId = identity.register(email, PASSWORD, "Grace");
        var session = identity.login(email.toUpperCase(), PASSWORD, newDevice());

        assertThat(session.accountId()).isEqualTo(accountId);
        assertThat(session.refreshToken()).hasSizeGreaterThanOrEqualTo(43);
        Map<?, ?> claims = TestTokens.claims(session.accessToken());
        assertThat(claims.get("sub")).isEqualTo(accountId);
        assertThat(claims.get("sid")).isEqualTo(session.sessionId());
        assertThat(claims.get("aud")).isEqualTo("keel");
        assertThat(claims.get("roles")).isEqualTo(List.of("CUSTOMER"));
        identity.awaitMe(session.accessToken(), me -> me.get("accountId").equals(accountId));
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        String email = uniqueEmail();
        identity.register(email, PASSWORD, "Alan");

        var wrongPassword = identity.loginAttempt(email, "not the password at all", newDevice())
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class).returnResult().getResponseBody();
        var unknownEmail = identity.loginAttempt(uniqueEmail(), "not the password at all", newDevice())
                .expectStatus().isUnauthorized()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(unknownEmail).isEqualTo(wrongPassword);
        assertThat(wrongPassword.get("type")).isEqualTo("/problems/invalid-credentials");
    }

    /**
     * Argon2 dominates a login; without the dummy hash an unknown email would cost the hashing
     * threads next to nothing. Their CPU time is compared between a login of each kind, one right
     * after the other, so both see the same load: on a loaded machine wall times, and CPU time
     * measured at another moment or on another thread, swing severalfold.
     */
    @Test
    void anUnknownEmailTakesAsLongAsAWrongPassword() {
        String email = uniqueEmail();
        identity.register(email, PASSWORD, "Timing");
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            identity.forgetClientAddress();
            String guess = "wrong password " + i;
            long unknownEmail = hashingCpuOf(() -> identity.loginAttempt(uniqueEmail(), guess, newDevice())
                    .expectStatus().isUnauthorized());
            long wrongPassword = hashingCpuOf(() -> identity.loginAttempt(email, guess, newDevice())
                    .expectStatus().isUnauthorized());
            assertThat(wrongPassword).as("hashing CPU of a wrong password").isPositive();
            ratios.add((double) unknownEmail / wrongPassword);
        }
        assertThat(Collections.max(ratios)).as("hashing CPU of an unknown email against a wrong password")
                .isGreaterThan(0.5);
    }

    /** CPU time the password hashing threads spent while {@code login} ran. */
    private static long hashingCpuOf(Runnable login) {
        Map<Long, Long> before = hashingCpu();
        login.run();
        return hashingCpu().entrySet().stream()
                .mapToLong(thread -> thread.getValue() - before.getOrDefault(thread.getKey(), 0L))
                .sum();
    }

    private static Map<Long, Long> hashingCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("keel-hashing-"))
                .collect(Collectors.toMap(Thread::threadId, thread -> threads.getThreadCpuTime(thread.threadId())));
    }

    @Test
    void failedLoginsLockTheAccountEvenForTheRightPasswordAndSaySoWithRetryAfter() {
        String email = uniqueEmail();
        identity.register(email, PASSWORD, "Locked");
        for (int i = 0; i < 4; i++) {
            identity.loginAttempt(email, "guess number " + i, newDevice()).expectStatus().isUnauthorized();
        }
        identity.loginAttempt(email, "guess number 5", newDevice())
                .expectStatus().isEqualTo(429)
                .expectHeader().valueMatches("Retry-After", "[1-9][0-9]*")
                .expectBody().jsonPath("$.type").isEqualTo("/problems/too-many-attempts");

        identity.loginAttempt(email, PASSWORD, newDevice())
                .expectStatus().isEqualTo(429)
                .expectHeader().valueMatches("Retry-After", "[1-9][0-9]*");
    }

    @Test
    void failuresLockoutsAndSuccessesAreInTheAuditTrailWithWhereTheyCameFrom() {
        String email = uniqueEmail();
        String accountId = identity.registerVerified(email, PASSWORD, "Audited", "audited-phone").accountId();
        for (int i = 0; i < 5; i++) {
            identity.loginAttempt(email, "guess number " + i, newDevice());
        }

        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(accountId).forEachRemaining(events::add);
        assertThat(events).extracting(event -> event.getPayloadType().getSimpleName())
                .containsSubsequence("AccountRegistered", "LoginSucceeded", "LoginFailed", "AccountLockedOut");
        assertThat(events).filteredOn(event -> event.getPayload() instanceof LoginFailed)
                .hasSize(5)
                .allSatisfy(event -> assertThat(event.getMetaData().get(MetadataKeys.CLIENT_IP)).isEqualTo("127.0.0.1"));
        assertThat(events).filteredOn(event -> event.getPayload() instanceof LoginSucceeded)
                .singleElement()
                .satisfies(event -> assertThat(((LoginSucceeded) event.getPayload()).deviceId()).isEqualTo("audited-phone"));
    }

    @Test
    void anUnknownEmailLocksLikeARealOneSoLockingRevealsNothing() {
        String email = uniqueEmail();
        for (int i = 0; i < 4; i++) {
            identity.loginAttempt(email, "guess number " + i, newDevice()).expectStatus().isUnauthorized();
        }
        identity.loginAttempt(email, "guess number 5", newDevice())
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After");
    }

    @Test
    void oneAddressGuessingAcrossManyAccountsIsThrottled() {
        EntityExchangeResult<byte[]> last = null;
        for (int i = 0; i < 31 && (last == null || last.getStatus().value() != 429); i++) {
            last = identity.loginAttempt(uniqueEmail(), "spray " + i, newDevice()).expectBody().returnResult();
        }
        assertThat(last.getStatus().value()).isEqualTo(429);
        assertThat(last.getResponseHeaders().getFirst("Retry-After")).matches("[1-9][0-9]*");

        identity.loginAttempt(uniqueEmail(), "one more", newDevice())
                .expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("your address"));
    }

    @Test
    void aMissingFieldIsNamed() {
        web.post().uri("/v1/sessions")
                .bodyValue(Map.of("email", uniqueEmail(), "password", PASSWORD))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("deviceId");
    }
}
