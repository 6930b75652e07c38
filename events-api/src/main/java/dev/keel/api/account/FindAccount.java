package dev.keel.api.account;

/**
 * Asks for one account; answered with an {@link AccountView}, or {@code null} when there is none.
 */
public record FindAccount(AccountId accountId) {
}
