package dev.keel.command.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.keel.api.account.SessionId;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account's sessions that were neither revoked nor seen to expire, with the device each is bound
 * to. Expired ones are dropped when a new session starts (at that event's time, so replays agree).
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class LiveSessions {

    /** One session: bound to a device, refreshable until {@code expiresAt}. */
    record Session(SessionId sessionId, String deviceId, Instant expiresAt) {
    }

    private Map<SessionId, Session> sessions = new LinkedHashMap<>();

    Session get(SessionId sessionId) {
        return sessions.get(sessionId);
    }

    boolean isLive(SessionId sessionId, Instant at) {
        Session session = sessions.get(sessionId);
        return session != null && at.isBefore(session.expiresAt());
    }

    List<SessionId> allExcept(SessionId keep) {
        return sessions.keySet().stream().filter(id -> !id.equals(keep)).toList();
    }

    void started(SessionId sessionId, String deviceId, Instant expiresAt, Instant at) {
        sessions.values().removeIf(session -> !at.isBefore(session.expiresAt()));
        sessions.put(sessionId, new Session(sessionId, deviceId, expiresAt));
    }

    void extended(SessionId sessionId, Instant expiresAt) {
        sessions.computeIfPresent(sessionId, (id, session) -> new Session(id, session.deviceId(), expiresAt));
    }

    void ended(SessionId sessionId) {
        sessions.remove(sessionId);
    }
}
