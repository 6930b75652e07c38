package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Asks for a mailed reset link; the newest request is the only one whose link works. */
public record RequestPasswordReset(@TargetAggregateIdentifier AccountId accountId, UUID requestId, Instant expiresAt) {
}
