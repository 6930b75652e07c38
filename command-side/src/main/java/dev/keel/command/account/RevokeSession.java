package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.SessionId;
import dev.keel.api.account.SessionRevocationReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends one live session of the account. */
public record RevokeSession(@TargetAggregateIdentifier AccountId accountId, SessionId sessionId,
                            SessionRevocationReason reason) {
}
