package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.Role;
import dev.keel.api.account.SessionRefreshed;
import dev.keel.api.account.SessionRevocationReason;
import dev.keel.api.account.SessionRevoked;
import dev.keel.command.account.AccountCommands.RefreshSession;

import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Refresh-token rotation with theft detection: the presented token must belong to a live session on
 * the same device and be the session's current token. A token that was rotated already means two
 * parties hold the session, so the whole session is revoked.
 */
record RefreshPolicy(LiveSessions sessions, RefreshTokens tokens) {

    RefreshOutcome refresh(AccountId accountId, RefreshSession command, Set<Role> roles) {
        LiveSessions.Session session = sessions.get(command.sessionId());
        if (session == null || !sessions.isLive(command.sessionId(), command.at())
                || !session.deviceId().equals(command.deviceId())) {
            return RefreshOutcome.refused();
        }
        var stored = tokens.find(command.presentedTokenHash());
        if (stored.isEmpty() || !stored.get().sessionId().equals(command.sessionId())) {
            return RefreshOutcome.refused();
        }
        if (stored.get().rotated() || !tokens.rotate(command.presentedTokenHash())) {
            apply(new SessionRevoked(accountId, command.sessionId(), SessionRevocationReason.REFRESH_TOKEN_REUSED));
            return RefreshOutcome.reused();
        }
        tokens.issue(command.newTokenHash(), accountId, command.sessionId(), command.expiresAt());
        apply(new SessionRefreshed(accountId, command.sessionId(), command.expiresAt()));
        return RefreshOutcome.refreshed(roles);
    }
}
