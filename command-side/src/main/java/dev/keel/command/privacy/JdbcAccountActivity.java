package dev.keel.command.privacy;

import dev.keel.api.account.AccountId;
import dev.keel.command.account.AccountActivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link AccountActivity} in {@code account_activity}, on the command's own connection and transaction. */
@Component
class JdbcAccountActivity implements AccountActivity {

    private final JdbcClient jdbc;

    JdbcAccountActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void touch(AccountId accountId) {
        jdbc.sql("""
                        INSERT INTO account_activity (account_id, last_active_at) VALUES (?, now())
                        ON CONFLICT (account_id) DO UPDATE SET last_active_at = EXCLUDED.last_active_at""")
                .param(accountId.value())
                .update();
    }

    @Override
    public void forget(AccountId accountId) {
        jdbc.sql("DELETE FROM account_activity WHERE account_id = ?").param(accountId.value()).update();
    }
}
