package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.SessionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Rotates a session's refresh token: the presented one (by hash) for a new one. */
public record RefreshSession(@TargetAggregateIdentifier AccountId accountId, SessionId sessionId,
                             String presentedTokenHash, String newTokenHash, String deviceId, Instant at,
                             Instant expiresAt) {
    @Override
    public String toString() {
        return "RefreshSession[" + accountId + ", " + sessionId + "]";
    }
}
