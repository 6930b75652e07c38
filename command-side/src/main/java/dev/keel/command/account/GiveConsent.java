package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.privacy.ConsentPurpose;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records consent to a purpose under a notice; the same notice again changes nothing. */
public record GiveConsent(@TargetAggregateIdentifier AccountId accountId, ConsentPurpose purpose, String noticeVersion) {
}
