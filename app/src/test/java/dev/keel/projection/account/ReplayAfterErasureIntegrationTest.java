package dev.keel.projection.account;

import dev.keel.api.account.AccountRegistered;
import dev.keel.api.privacy.PersonalData;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.IdentityFixtures.Session;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.keel.testing.IdentityFixtures.PASSWORD;
import static dev.keel.testing.IdentityFixtures.newDevice;
import static dev.keel.testing.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A replay after an erasure writes masked values: the person's rows are deleted and their stored
 * events handed to the account and session projections again, as a rebuild would (one account's
 * events only, so the shared tables of the other tests stay).
 */
class ReplayAfterErasureIntegrationTest extends KeelIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    AccountTableProjection accounts;
    @Autowired
    SessionTableProjection sessions;

    @Test
    void replayingAnErasedPersonsEventsWritesOnlyMaskedValues() throws Exception {
        String email = uniqueEmail();
        Session me = identity.registerVerified(email, PASSWORD, "Replayed Person", newDevice());
        web.delete().uri("/v1/me").headers(h -> h.setBearerAuth(me.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .exchange().expectStatus().isNoContent();
        UUID id = UUID.fromString(me.accountId());
        await().atMost(Duration.ofSeconds(60)).until(() -> PersonalData.ERASED.equals(
                jdbc.sql("SELECT email FROM account WHERE account_id = ?").param(id).query(String.class).single()));
        jdbc.sql("DELETE FROM account WHERE account_id = ?").param(id).update();
        jdbc.sql("DELETE FROM account_session WHERE account_id = ?").param(id).update();

        List<? extends DomainEventMessage<?>> history = eventStore.readEvents(me.accountId()).asStream().toList();
        var accountTable = new AnnotationEventHandlerAdapter(accounts);
        var sessionTable = new AnnotationEventHandlerAdapter(sessions);
        DomainEventMessage<?> registration = history.getFirst();
        assertThat(registration.getPayload()).isInstanceOf(AccountRegistered.class);
        accountTable.handle(registration);
        assertThat(jdbc.sql("SELECT email || '|' || display_name FROM account WHERE account_id = ?").param(id)
                .query(String.class).single()).as("masked already by the registration alone")
                .isEqualTo(PersonalData.ERASED + "|" + PersonalData.ERASED);
        for (DomainEventMessage<?> event : history.subList(1, history.size())) {
            accountTable.handle(event);
            sessionTable.handle(event);
        }

        assertThat(jdbc.sql("SELECT email || '|' || display_name FROM account WHERE account_id = ?").param(id)
                .query(String.class).single()).isEqualTo(PersonalData.ERASED + "|" + PersonalData.ERASED);
        assertThat(jdbc.sql("SELECT device_id FROM account_session WHERE account_id = ?").param(id)
                .query(String.class).list()).isNotEmpty().containsOnly(PersonalData.ERASED);
        assertThat(jdbc.sql("SELECT count(*) FROM account_session WHERE account_id = ? AND revoked_at IS NULL")
                .param(id).query(Long.class).single()).as("every session ended").isZero();
    }
}
