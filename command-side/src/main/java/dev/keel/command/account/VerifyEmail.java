package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Proves the address with the mailed link of request {@code requestId} and the account's password,
 * checked already ({@code login.proved()}), and starts the session {@code login} describes. The link
 * proves the mailbox and the password the registrant: only the two together show they are one person.
 */
public record VerifyEmail(@TargetAggregateIdentifier AccountId accountId, UUID requestId, RecordLogin login) {
}
