package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A new display name. */
public record ChangeProfile(@TargetAggregateIdentifier AccountId accountId, String displayName) {
}
