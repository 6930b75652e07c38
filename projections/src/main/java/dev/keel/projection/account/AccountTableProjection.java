package dev.keel.projection.account;

import dev.keel.api.account.AccountErased;
import dev.keel.api.account.AccountRegistered;
import dev.keel.api.account.EmailVerified;
import dev.keel.api.account.ProfileChanged;
import dev.keel.api.account.Role;
import dev.keel.api.account.RoleGranted;
import dev.keel.api.account.RoleRevoked;
import dev.keel.api.privacy.PersonalData;
import dev.keel.projection.batch.BatchedJdbc;
import dev.keel.projection.erasure.PersonalReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * The {@code account} table, with personal data as the event serializer decrypted it. Writes only
 * move a row forward (by the event's sequence number), so redelivery and replay change nothing twice.
 */
@Component
@ProcessingGroup(AccountTableProjection.GROUP)
class AccountTableProjection implements PersonalReadModel {

    static final String GROUP = "account-table";

    private final BatchedJdbc batch;
    private final JdbcClient jdbc;

    AccountTableProjection(BatchedJdbc batch, JdbcClient jdbc) {
        this.batch = batch;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountRegistered event, @SequenceNumber long version, @Timestamp Instant at) {
        batch.update("""
                        INSERT INTO account (account_id, email, display_name, email_verified, roles, version,
                                             created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (account_id) DO UPDATE SET
                            email = EXCLUDED.email, display_name = EXCLUDED.display_name,
                            email_verified = EXCLUDED.email_verified, roles = EXCLUDED.roles,
                            version = EXCLUDED.version, created_at = EXCLUDED.created_at,
                            updated_at = EXCLUDED.updated_at
                        WHERE account.version < EXCLUDED.version""",
                event.accountId().value(), event.email(), event.displayName(), event.emailVerified(),
                event.roles().stream().map(Role::name).sorted().toArray(String[]::new), version, utc(at), utc(at));
    }

    @EventHandler
    void on(EmailVerified event, @SequenceNumber long version, @Timestamp Instant at) {
        batch.update("UPDATE account SET email_verified = TRUE, version = ?, updated_at = ? WHERE account_id = ? AND version < ?",
                version, utc(at), event.accountId().value(), version);
    }

    @EventHandler
    void on(ProfileChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        batch.update("UPDATE account SET display_name = ?, version = ?, updated_at = ? WHERE account_id = ? AND version < ?",
                event.displayName(), version, utc(at), event.accountId().value(), version);
    }

    @EventHandler
    void on(RoleGranted event, @SequenceNumber long version, @Timestamp Instant at) {
        batch.update("""
                        UPDATE account SET roles = ARRAY(SELECT DISTINCT unnest(roles || ARRAY[?::text]) ORDER BY 1),
                                           version = ?, updated_at = ?
                        WHERE account_id = ? AND version < ?""",
                event.role().name(), version, utc(at), event.accountId().value(), version);
    }

    @EventHandler
    void on(RoleRevoked event, @SequenceNumber long version, @Timestamp Instant at) {
        batch.update("""
                        UPDATE account SET roles = array_remove(roles, ?::text), version = ?, updated_at = ?
                        WHERE account_id = ? AND version < ?""",
                event.role().name(), version, utc(at), event.accountId().value(), version);
    }

    /**
     * The row stays, masked: the account id, roles and dates are no one's personal data once nothing
     * ties them to a person, and lookups by id then find an erased account rather than none.
     */
    @EventHandler
    void on(AccountErased event, @SequenceNumber long version, @Timestamp Instant at) {
        batch.update("""
                        UPDATE account SET email = ?, display_name = ?, version = ?, updated_at = ?
                        WHERE account_id = ? AND version < ?""",
                PersonalData.ERASED, PersonalData.ERASED, version, utc(at), event.accountId().value(), version);
    }

    @Override
    public Set<String> personalStores() {
        return Set.of("account");
    }

    @ResetHandler
    void onReset() {
        jdbc.sql("TRUNCATE account").update();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
