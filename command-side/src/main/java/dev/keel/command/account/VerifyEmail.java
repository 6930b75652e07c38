package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Proves the address with the mailed link of request {@code requestId}, opened at {@code at}. */
public record VerifyEmail(@TargetAggregateIdentifier AccountId accountId, UUID requestId, Instant at) {
}
