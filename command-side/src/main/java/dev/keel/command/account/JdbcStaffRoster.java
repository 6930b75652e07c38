package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** {@link StaffRoster} in {@code staff_account}, on the command's own connection and transaction. */
@Component
class JdbcStaffRoster implements StaffRoster {

    private final JdbcClient jdbc;

    JdbcStaffRoster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(AccountId accountId) {
        jdbc.sql("INSERT INTO staff_account (account_id, added_at) VALUES (?, now()) ON CONFLICT DO NOTHING")
                .param(accountId.value())
                .update();
    }

    /**
     * Locks every row first (in one order, so two callers cannot deadlock): a second revocation waits
     * for the first to commit and then counts without the row the first removed.
     */
    @Override
    public boolean removeUnlessLast(AccountId accountId) {
        List<UUID> staff = jdbc.sql("SELECT account_id FROM staff_account ORDER BY account_id FOR UPDATE")
                .query(UUID.class)
                .list();
        if (staff.stream().allMatch(accountId.value()::equals)) {
            return false;
        }
        jdbc.sql("DELETE FROM staff_account WHERE account_id = ?").param(accountId.value()).update();
        return true;
    }
}
