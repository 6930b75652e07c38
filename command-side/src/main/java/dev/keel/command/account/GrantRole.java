package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a role; granting one the account has changes nothing. */
public record GrantRole(@TargetAggregateIdentifier AccountId accountId, Role role) {
}
