package dev.keel.api.push;

import dev.keel.api.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Turns push on or off for a service category; marketing goes through consent instead. */
public record ChangeNotificationPreference(@TargetAggregateIdentifier AccountId accountId,
                                           NotificationCategory category, boolean push) {
}
