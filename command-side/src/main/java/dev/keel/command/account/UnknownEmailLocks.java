package dev.keel.command.account;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The account lockout, played out for emails that have no account, so that locking says nothing
 * about whether an account exists. In this node's memory, keyed by the email's blind index.
 */
@Component
public class UnknownEmailLocks {

    private static final int MAX_TRACKED = 100_000;

    private final LockoutPolicy policy;
    private final Map<String, LoginLock> locks = new ConcurrentHashMap<>();

    UnknownEmailLocks(LockoutPolicy policy) {
        this.policy = policy;
    }

    /** @return until when the email is now locked, or {@code null} if it is not */
    public Instant failed(String emailIndex, Instant at) {
        if (locks.size() > MAX_TRACKED) {
            locks.clear();
        }
        LoginLock lock = locks.computeIfAbsent(emailIndex, key -> new LoginLock());
        synchronized (lock) {
            if (lock.lockedAt(at)) {
                return lock.until();
            }
            int failures = lock.failures() + 1;
            lock.failed(failures);
            if (!policy.locksAfter(failures)) {
                return null;
            }
            Instant until = policy.lockedUntil(at, lock.lockouts());
            lock.locked(until, lock.lockouts() + 1);
            return until;
        }
    }
}
