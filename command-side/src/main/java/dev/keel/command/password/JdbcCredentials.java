package dev.keel.command.password;

import dev.keel.api.account.AccountId;
import dev.keel.command.account.Credentials;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** {@link Credentials} in {@code account_credential}, on the command's own connection and transaction. */
@Component
class JdbcCredentials implements Credentials {

    private final JdbcClient jdbc;

    JdbcCredentials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void set(AccountId accountId, String passwordHash) {
        jdbc.sql("""
                        INSERT INTO account_credential (account_id, password_hash, updated_at) VALUES (?, ?, now())
                        ON CONFLICT (account_id) DO UPDATE SET password_hash = EXCLUDED.password_hash,
                                                               updated_at = EXCLUDED.updated_at""")
                .params(accountId.value(), passwordHash)
                .update();
    }

    @Override
    public Optional<String> passwordHash(AccountId accountId) {
        return jdbc.sql("SELECT password_hash FROM account_credential WHERE account_id = ?")
                .param(accountId.value())
                .query(String.class)
                .optional();
    }

    @Override
    public void remove(AccountId accountId) {
        jdbc.sql("DELETE FROM account_credential WHERE account_id = ?").param(accountId.value()).update();
    }
}
