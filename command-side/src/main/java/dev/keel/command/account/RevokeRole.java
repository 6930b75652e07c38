package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Takes a role away; revoking one the account does not have changes nothing.
 *
 * @param revokedBy the STAFF account that asks (nobody revokes their own STAFF)
 */
public record RevokeRole(@TargetAggregateIdentifier AccountId accountId, Role role, AccountId revokedBy) {
}
