package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.ErasureReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erases the person: their data key, secrets and sessions; erasing an erased account changes nothing. */
public record EraseAccount(@TargetAggregateIdentifier AccountId accountId, ErasureReason reason) {
}
