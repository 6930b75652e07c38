package dev.keel.app.account;

import dev.keel.api.account.AccountRegistered;
import dev.keel.api.privacy.PersonalData;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.app.privacy.PersonalDataKeys;
import dev.keel.testing.IdentityFixtures.Session;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.keel.testing.IdentityFixtures.PASSWORD;
import static dev.keel.testing.IdentityFixtures.newDevice;
import static dev.keel.testing.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every login and refresh adds an event to the account; loading it must not cost more the more its
 * sessions refreshed, and its snapshots must keep personal data as sealed as its events do.
 */
class AccountSnapshotIntegrationTest extends KeelIntegrationTest {

    /** Refreshes per session, within what one session may do at a time. */
    private static final int REFRESHES = 8;

    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataKeys keys;
    @Autowired
    Cache accountCache;
    @Value("${keel.snapshots.threshold}")
    int threshold;

    @Test
    void loadingAnAccountReadsASnapshotAndTheEventsAfterItHoweverOftenItsSessionsRefresh() {
        String email = uniqueEmail();
        String accountId = identity.register(email, PASSWORD, "Refresher");

        grow(email, 2 * threshold);
        await().atMost(Duration.ofSeconds(60)).until(() -> eventsToLoad(accountId) <= 2 * threshold);
        grow(email, 2 * threshold);
        await().atMost(Duration.ofSeconds(60)).until(() -> eventsToLoad(accountId) <= 2 * threshold);

        assertThat(storedEvents(accountId)).as("events the account has").isGreaterThan(4 * threshold);
    }

    @Test
    void theSnapshotHoldsNoPersonalDataInPlaintextAndIsSkippedOnceThePersonsKeyIsErased() {
        String email = uniqueEmail();
        String name = "Sealed Snapshot " + email.substring(5, 13);
        String accountId = identity.register(email, PASSWORD, name);
        Session last = grow(email, 2 * threshold);
        await().atMost(Duration.ofSeconds(60)).until(() -> latestSnapshot(accountId) != null);

        assertThat(latestSnapshot(accountId))
                .doesNotContain(email).doesNotContain(email.split("@")[0]).doesNotContain(name)
                .doesNotContain(last.deviceId())
                .contains("pd1:");

        keys.erase(accountId);
        accountCache.removeAll();

        DomainEventMessage<?> first = eventStore.readEvents(accountId).next();
        assertThat(first.getSequenceNumber()).as("loaded from the first event, not the snapshot").isZero();
        assertThat(((AccountRegistered) first.getPayload()).email()).isEqualTo(PersonalData.ERASED);
        web.patch().uri("/v1/me").headers(h -> h.setBearerAuth(last.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("displayName", "Loaded from its events"))
                .exchange()
                .expectStatus().isNoContent();
    }

    /** Logs in on new devices and refreshes each session until the account has {@code events} more events. */
    private Session grow(String email, int events) {
        Session session = null;
        for (int added = 0; added < events; ) {
            identity.forgetClientAddress();
            session = identity.login(email, PASSWORD, newDevice());
            added++;
            for (int i = 0; i < REFRESHES && added < events; i++, added++) {
                session = identity.refresh(session);
            }
        }
        return session;
    }

    /** What loading the account reads: its latest snapshot, if any, and every event after it. */
    private long eventsToLoad(String accountId) {
        return eventStore.readEvents(accountId).asStream().count();
    }

    private long storedEvents(String accountId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(accountId)
                .query(Long.class).single();
    }

    private String latestSnapshot(String accountId) {
        return jdbc.sql("SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = ?"
                        + " ORDER BY sequence_number DESC LIMIT 1")
                .param(accountId)
                .query((row, n) -> new String(row.getBytes("payload"), StandardCharsets.UTF_8))
                .optional().orElse(null);
    }
}
