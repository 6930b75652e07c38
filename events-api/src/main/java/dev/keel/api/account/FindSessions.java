package dev.keel.api.account;

/** Asks for an account's live sessions; answered with a {@link SessionList}. */
public record FindSessions(AccountId accountId) {
}
