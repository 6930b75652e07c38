package dev.keel.app.account;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.IdentityFixtures.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.keel.testing.IdentityFixtures.PASSWORD;
import static dev.keel.testing.IdentityFixtures.newDevice;
import static dev.keel.testing.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

/** A session refreshing in a loop is stopped before it adds to the account, and an app's retry is not. */
class RefreshLimitIntegrationTest extends KeelIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Value("${keel.refresh-limit.refreshes}")
    int limit;

    @Test
    void aSessionOverItsRefreshLimitGets429WithRetryAfterAndItsTokenKeepsWorking() {
        String email = uniqueEmail();
        String accountId = identity.register(email, PASSWORD, "Looper");
        Session session = refreshedUpToTheLimit(identity.login(email, PASSWORD, newDevice()));
        long events = events(accountId);

        for (int i = 0; i < 2; i++) {
            identity.refreshAttempt(session.refreshToken(), session.deviceId())
                    .expectStatus().isEqualTo(429)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueMatches("Retry-After", "[1-9][0-9]*")
                    .expectBody().jsonPath("$.type").isEqualTo("/problems/too-many-requests");
        }

        assertThat(events(accountId)).as("the account's events").isEqualTo(events);
        assertThat(jdbc.sql("SELECT rotated_at IS NULL FROM refresh_token WHERE session_id = ?::uuid"
                        + " ORDER BY issued_at DESC LIMIT 1").param(session.sessionId()).query(Boolean.class).single())
                .as("the presented token is still the session's current one").isTrue();
        Session other = identity.login(email, PASSWORD, newDevice());
        identity.refresh(other);
    }

    /**
     * An app that lost the answer and sends its old token again gets what it always got, however
     * often the session refreshed: the limit counts only the current token's refreshes.
     */
    @Test
    void presentingARotatedTokenAgainIsReuseNotARateLimit() {
        String email = uniqueEmail();
        identity.register(email, PASSWORD, "Retrier");
        Session before = identity.login(email, PASSWORD, newDevice());
        refreshedUpToTheLimit(before);

        identity.refreshAttempt(before.refreshToken(), before.deviceId())
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/refresh-token-reused");
    }

    private Session refreshedUpToTheLimit(Session session) {
        for (int i = 0; i < limit; i++) {
            session = identity.refresh(session);
        }
        return session;
    }

    private long events(String accountId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(accountId)
                .query(Long.class).single();
    }
}
