package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.SessionId;
import dev.keel.api.account.SessionRevocationReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param except the session to keep (the caller's own), or {@code null} for all */
public record RevokeSessions(@TargetAggregateIdentifier AccountId accountId, SessionId except,
                             SessionRevocationReason reason) {
}
