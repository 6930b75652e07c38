package dev.keel.command.session;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.SessionId;
import dev.keel.command.account.RefreshTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** {@link RefreshTokens} in {@code refresh_token}, on the command's own connection and transaction. */
@Component
class JdbcRefreshTokens implements RefreshTokens {

    private static final int CLEANUP_CHUNK = 10_000;

    private final JdbcClient jdbc;

    JdbcRefreshTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Stored> find(String tokenHash) {
        return jdbc.sql("SELECT account_id, session_id, rotated_at FROM refresh_token WHERE token_hash = ? FOR UPDATE")
                .param(tokenHash)
                .query((row, n) -> new Stored(new AccountId(row.getObject("account_id", UUID.class)),
                        new SessionId(row.getObject("session_id", UUID.class)),
                        row.getObject("rotated_at") != null))
                .optional();
    }

    @Override
    public void issue(String tokenHash, AccountId accountId, SessionId sessionId, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO refresh_token (token_hash, account_id, session_id, issued_at, expires_at)
                        VALUES (?, ?, ?, now(), ?)""")
                .params(tokenHash, accountId.value(), sessionId.value(), expiresAt.atOffset(ZoneOffset.UTC))
                .update();
    }

    @Override
    public void rotate(String tokenHash) {
        jdbc.sql("UPDATE refresh_token SET rotated_at = now() WHERE token_hash = ?").param(tokenHash).update();
    }

    @Override
    public void forgetAll(AccountId accountId) {
        jdbc.sql("DELETE FROM refresh_token WHERE account_id = ?").param(accountId.value()).update();
    }

    /** In chunks, so each statement stays well inside the database's time limit however much expired. */
    @Scheduled(fixedDelayString = "${keel.identity.token-cleanup-interval:PT1H}", initialDelayString = "PT2M")
    void deleteExpired() {
        while (jdbc.sql("""
                        DELETE FROM refresh_token WHERE ctid = ANY(ARRAY(
                            SELECT ctid FROM refresh_token WHERE expires_at < now() LIMIT ?))""")
                .param(CLEANUP_CHUNK).update() == CLEANUP_CHUNK) {
            // and the next chunk
        }
    }
}
