package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lets a Firebase user sign in to this account. */
public record LinkFirebaseUser(@TargetAggregateIdentifier AccountId accountId, String firebaseUid) {
}
