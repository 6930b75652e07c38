package dev.keel.app.account;

import dev.keel.api.account.AccountRegistered;
import dev.keel.api.privacy.PersonalData;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.app.privacy.PersonalDataKeys;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.keel.testing.IdentityFixtures.PASSWORD;
import static dev.keel.testing.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

/** Crypto-shredding: the event store holds no personal data in plaintext, and losing the key erases it. */
class PersonalDataIntegrationTest extends KeelIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    PersonalDataKeys keys;

    @Test
    void storedEventsHoldNoEmailNameOrPasswordInPlaintext() {
        String email = uniqueEmail();
        String name = "Plaintext Watcher " + email.substring(5, 13);
        String accountId = identity.register(email, PASSWORD, name);

        List<String> payloads = rawPayloads(accountId);
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(2);
        assertThat(String.join("\n", payloads))
                .doesNotContain(email).doesNotContain(email.split("@")[0]).doesNotContain(name)
                .doesNotContain(PASSWORD)
                .contains("pd1:");
        assertThat(jdbc.sql("SELECT count(*) FROM personal_data_key WHERE subject_id = ?").param(accountId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDeletedKeyErasesThePersonInHistoryAndLeavesTheRest() {
        String email = uniqueEmail();
        String accountId = identity.register(email, PASSWORD, "To Be Forgotten");
        assertThat(registered(accountId).email()).isEqualTo(email);

        keys.erase(accountId);

        AccountRegistered erased = registered(accountId);
        assertThat(erased.email()).isEqualTo(PersonalData.ERASED);
        assertThat(erased.displayName()).isEqualTo(PersonalData.ERASED);
        assertThat(erased.accountId().toString()).isEqualTo(accountId);
        assertThat(erased.roles()).isNotEmpty();
    }

    private AccountRegistered registered(String accountId) {
        DomainEventMessage<?> first = eventStore.readEvents(accountId).next();
        return (AccountRegistered) first.getPayload();
    }

    private List<String> rawPayloads(String accountId) {
        return jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")
                .param(accountId)
                .query((row, n) -> new String(row.getBytes("payload"), StandardCharsets.UTF_8))
                .list();
    }
}
