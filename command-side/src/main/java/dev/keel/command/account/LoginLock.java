package dev.keel.command.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;

import java.time.Instant;

/**
 * The account's failed-login state: failures in a row, lockouts since the last success, and until
 * when the current lockout lasts. Only the aggregate's event handlers change it.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class LoginLock {

    private int failures;
    private int lockouts;
    private Instant until;

    boolean lockedAt(Instant at) {
        return until != null && at.isBefore(until);
    }

    int failures() {
        return failures;
    }

    int lockouts() {
        return lockouts;
    }

    Instant until() {
        return until;
    }

    void failed(int consecutiveFailures) {
        failures = consecutiveFailures;
    }

    void locked(Instant lockedUntil, int lockoutCount) {
        until = lockedUntil;
        lockouts = lockoutCount;
        failures = 0;
    }

    void succeeded() {
        failures = 0;
        lockouts = 0;
        until = null;
    }
}
