package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Finds an account by its email's blind index or a Firebase uid: the unique claims written in the
 * registering command's transaction, so a lookup never lags behind a registration.
 */
@Component
public class AccountLookup {

    private final JdbcClient jdbc;
    private final BlindIndex index;

    AccountLookup(JdbcClient jdbc, BlindIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    public Optional<AccountId> byEmail(String email) {
        return owner(Account.EMAIL_SCOPE, index.ofEmail(email));
    }

    public Optional<AccountId> byFirebaseUid(String uid) {
        return owner(Account.FIREBASE_SCOPE, index.ofFirebaseUid(uid));
    }

    private Optional<AccountId> owner(String scope, String value) {
        return jdbc.sql("SELECT owner_id FROM unique_claim WHERE scope = ? AND value = ?")
                .params(scope, value)
                .query(String.class)
                .optional()
                .map(AccountId::of);
    }
}
