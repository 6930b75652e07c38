package dev.keel.api.push;

import dev.keel.api.account.AccountId;

/**
 * Asks for a page of an account's inbox, newest first; answered with a {@link NotificationPage}.
 *
 * @param cursor {@code null} for the first page
 */
public record FindNotifications(AccountId accountId, String cursor, int size) {
}
