package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.privacy.ConsentPurpose;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraws consent to a purpose; withdrawing one never given changes nothing. */
public record WithdrawConsent(@TargetAggregateIdentifier AccountId accountId, ConsentPurpose purpose) {
}
