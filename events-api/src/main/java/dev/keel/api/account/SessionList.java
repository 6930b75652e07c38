package dev.keel.api.account;

import java.util.List;

/** An account's live sessions, newest first. */
public record SessionList(List<SessionView> sessions) {

    public SessionList {
        sessions = List.copyOf(sessions);
    }
}
