package dev.keel.api.push;

import dev.keel.api.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Marks a notification of the account's inbox read; one of another account's changes nothing. */
public record MarkNotificationRead(@TargetAggregateIdentifier AccountId accountId, UUID notificationId) {
}
