package dev.keel.command.account;

import dev.keel.api.account.AccountId;

/**
 * When each account was last used (signed up, signed in, refreshed a session), so accounts nobody
 * used for longer than the retention can be found and erased. Written in the command's transaction.
 */
public interface AccountActivity {

    void touch(AccountId accountId);

    void forget(AccountId accountId);
}
