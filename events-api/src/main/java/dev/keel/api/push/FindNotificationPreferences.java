package dev.keel.api.push;

import dev.keel.api.account.AccountId;

/** Asks for an account's push choices; answered with a {@link NotificationPreferencesView}. */
public record FindNotificationPreferences(AccountId accountId) {
}
