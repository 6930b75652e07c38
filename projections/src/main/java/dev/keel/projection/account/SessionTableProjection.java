package dev.keel.projection.account;

import dev.keel.api.account.AccountErased;
import dev.keel.api.account.LoginSucceeded;
import dev.keel.api.account.SessionRefreshed;
import dev.keel.api.account.SessionRevoked;
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

/** The {@code account_session} table: every session an account started, and how it ended. */
@Component
@ProcessingGroup(SessionTableProjection.GROUP)
class SessionTableProjection implements PersonalReadModel {

    static final String GROUP = "session-table";

    private final BatchedJdbc batch;
    private final JdbcClient jdbc;

    SessionTableProjection(BatchedJdbc batch, JdbcClient jdbc) {
        this.batch = batch;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LoginSucceeded event, @SequenceNumber long version, @Timestamp Instant at) {
        batch.update("""
                        INSERT INTO account_session (session_id, account_id, device_id, method, started_at, expires_at,
                                                     version)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (session_id) DO NOTHING""",
                event.sessionId().value(), event.accountId().value(), event.deviceId(), event.method().name(),
                utc(at), utc(event.expiresAt()), version);
    }

    @EventHandler
    void on(SessionRefreshed event, @SequenceNumber long version, @Timestamp Instant at) {
        batch.update("""
                        UPDATE account_session SET last_refreshed_at = ?, expires_at = ?, version = ?
                        WHERE session_id = ? AND version < ?""",
                utc(at), utc(event.expiresAt()), version, event.sessionId().value(), version);
    }

    @EventHandler
    void on(SessionRevoked event, @SequenceNumber long version, @Timestamp Instant at) {
        batch.update("""
                        UPDATE account_session SET revoked_at = ?, revoked_reason = ?, version = ?
                        WHERE session_id = ? AND version < ?""",
                utc(at), event.reason().name(), version, event.sessionId().value(), version);
    }

    /**
     * Sessions stay for the books of sign-ins, as ids and dates; the device id names a phone, so it
     * goes. The erasure revoked every session in events before this one.
     */
    @EventHandler
    void on(AccountErased event) {
        batch.update("UPDATE account_session SET device_id = ? WHERE account_id = ?",
                PersonalData.ERASED, event.accountId().value());
    }

    @Override
    public Set<String> personalStores() {
        return Set.of("account_session");
    }

    @ResetHandler
    void onReset() {
        jdbc.sql("TRUNCATE account_session").update();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
