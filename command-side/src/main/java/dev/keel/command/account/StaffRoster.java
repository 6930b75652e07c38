package dev.keel.command.account;

import dev.keel.api.account.AccountId;

/**
 * The accounts that hold STAFF, across all accounts: "the last STAFF keeps the role" is a rule about
 * the whole set, which no single account's events can check. Written in the command's transaction,
 * so a refused command changes nothing, and two revocations at once take turns.
 */
public interface StaffRoster {

    /** Records that the account holds STAFF (again: nothing changes). */
    void add(AccountId accountId);

    /**
     * Takes the account off the roster unless no other account would be left on it.
     *
     * @return {@code false}, changing nothing, when it is the only STAFF account
     */
    boolean removeUnlessLast(AccountId accountId);
}
