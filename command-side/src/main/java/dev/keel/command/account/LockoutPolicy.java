package dev.keel.command.account;

import java.time.Duration;
import java.time.Instant;

/**
 * Growing lockout: after {@code threshold} failed logins in a row the account is locked for
 * {@code base}, and each further lockout (before a successful login) lasts twice as long, up to
 * {@code max}.
 */
record LockoutPolicy(int threshold, Duration base, Duration max) {

    static LockoutPolicy from(IdentityProperties properties) {
        var lockout = properties.lockout();
        return new LockoutPolicy(lockout.threshold(), lockout.base(), lockout.max());
    }

    boolean locksAfter(int consecutiveFailures) {
        return consecutiveFailures >= threshold;
    }

    /** @param lockouts how many lockouts there were before this one */
    Instant lockedUntil(Instant at, int lockouts) {
        Duration duration = base.multipliedBy(1L << Math.min(lockouts, 20));
        return at.plus(duration.compareTo(max) > 0 ? max : duration);
    }
}
