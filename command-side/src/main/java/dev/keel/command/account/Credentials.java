package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Password hashes in {@code account_credential}, never in events. Writes happen inside the
 * command's transaction, so a refused command leaves the old hash in place.
 */
@Component
class Credentials {

    private final JdbcClient jdbc;

    Credentials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void set(AccountId accountId, String passwordHash) {
        jdbc.sql("""
                        INSERT INTO account_credential (account_id, password_hash, updated_at) VALUES (?, ?, now())
                        ON CONFLICT (account_id) DO UPDATE SET password_hash = EXCLUDED.password_hash,
                                                               updated_at = EXCLUDED.updated_at""")
                .params(accountId.value(), passwordHash)
                .update();
    }

    Optional<String> passwordHash(AccountId accountId) {
        return jdbc.sql("SELECT password_hash FROM account_credential WHERE account_id = ?")
                .param(accountId.value())
                .query(String.class)
                .optional();
    }
}
