package dev.keel.command.account;

import dev.keel.api.account.AccountId;

/**
 * Destroys a person's data key in the command's transaction (crypto-shredding): every personal field
 * and the network metadata of their stored events become unreadable, and no key is made for them again.
 */
public interface CryptoShredder {

    void shred(AccountId accountId);
}
