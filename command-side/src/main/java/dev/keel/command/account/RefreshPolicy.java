package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.Role;
import dev.keel.api.account.SessionRefreshed;
import dev.keel.api.account.SessionRevocationReason;
import dev.keel.api.account.SessionRevoked;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Refresh-token rotation with theft detection: the presented token must belong to a live session on
 * the same device and be the session's current token. A token that was rotated already means two
 * parties hold the session, so the whole session is revoked, from whichever device it comes: a thief
 * replays it from their own device at least as often as from the owner's.
 */
record RefreshPolicy(LiveSessions sessions) {

    /** @param stored what the token store knows of the presented token */
    Decision<RefreshOutcome> decide(AccountId accountId, RefreshSession refresh, Optional<RefreshTokens.Stored> stored,
                                    Set<Role> roles) {
        LiveSessions.Session session = sessions.get(refresh.sessionId());
        if (session == null || !sessions.isLive(refresh.sessionId(), refresh.at())
                || stored.isEmpty() || !stored.get().sessionId().equals(refresh.sessionId())) {
            return new Decision<>(List.of(), RefreshOutcome.refused());
        }
        if (stored.get().rotated()) {
            return new Decision<>(List.of(new SessionRevoked(accountId, refresh.sessionId(),
                    SessionRevocationReason.REFRESH_TOKEN_REUSED)), RefreshOutcome.reused());
        }
        if (!session.deviceId().equals(refresh.deviceId())) {
            return new Decision<>(List.of(), RefreshOutcome.refused());
        }
        return new Decision<>(List.of(new SessionRefreshed(accountId, refresh.sessionId(), refresh.expiresAt())),
                RefreshOutcome.refreshed(roles));
    }
}
