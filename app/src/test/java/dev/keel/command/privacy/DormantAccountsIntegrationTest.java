package dev.keel.command.privacy;

import dev.keel.api.account.AccountId;
import dev.keel.app.KeelIntegrationTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static dev.keel.testing.IdentityFixtures.PASSWORD;
import static dev.keel.testing.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dormant-account retention, with a clock set years ahead of two accounts whose last use is
 * moved back (every other account of the test JVM was used just now, so the sweep leaves it alone).
 */
class DormantAccountsIntegrationTest extends KeelIntegrationTest {

    private static final Instant NOW = Instant.parse("2002-06-01T00:00:00Z");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CommandGateway commands;

    @Test
    void anAccountUnusedForLongerThanTheRetentionIsErasedAndOneUsedWithinItIsNot() {
        String dormant = identity.register(uniqueEmail(), PASSWORD, "Long Gone");
        String recent = identity.register(uniqueEmail(), PASSWORD, "Still Around");
        lastActive(dormant, Instant.parse("2001-05-31T00:00:00Z"));
        lastActive(recent, Instant.parse("2001-06-02T00:00:00Z"));

        var sweep = new DormantAccounts(jdbc, commands, new RetentionProperties(Duration.ofDays(365)),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(sweep.sweep()).containsExactly(AccountId.of(dormant));
        assertThat(erased(dormant)).isTrue();
        assertThat(erased(recent)).isFalse();
        assertThat(sweep.sweep()).as("nothing is erased twice").isEmpty();
    }

    @Test
    void aZeroRetentionErasesNothing() {
        String dormant = identity.register(uniqueEmail(), PASSWORD, "Kept Forever");
        lastActive(dormant, Instant.parse("1990-01-01T00:00:00Z"));

        var sweep = new DormantAccounts(jdbc, commands, new RetentionProperties(Duration.ZERO),
                Clock.fixed(NOW, ZoneOffset.UTC));

        try {
            assertThat(sweep.sweep()).isEmpty();
            assertThat(erased(dormant)).isFalse();
        } finally {
            // so the other test's sweep leaves it alone
            lastActive(dormant, Instant.now());
        }
    }

    private void lastActive(String accountId, Instant at) {
        assertThat(jdbc.sql("UPDATE account_activity SET last_active_at = ? WHERE account_id = ?")
                .params(at.atOffset(ZoneOffset.UTC), UUID.fromString(accountId)).update()).isOne();
    }

    private boolean erased(String accountId) {
        return jdbc.sql("SELECT wrapped_key IS NULL FROM personal_data_key WHERE subject_id = ?").param(accountId)
                .query(Boolean.class).single();
    }
}
