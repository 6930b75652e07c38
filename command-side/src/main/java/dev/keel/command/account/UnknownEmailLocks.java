package dev.keel.command.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The account lockout, played out for emails that have no account, so that locking says nothing
 * about whether an account exists. In this node's memory, keyed by the email's blind index.
 *
 * <p>A bounded cache that evicts the entries used least, never a map cleared when full: a wiped lock
 * would let its email be tried again early, which a real account's lock never allows. Entries do not
 * expire by time either, because an account's failures in a row do not.
 */
@Component
public class UnknownEmailLocks {

    static final int MAX_TRACKED = 100_000;

    private final LockoutPolicy policy;
    private final Cache<String, LoginLock> locks = Caffeine.newBuilder()
            .maximumSize(MAX_TRACKED)
            .executor(Runnable::run)
            .build();

    UnknownEmailLocks(LockoutPolicy policy) {
        this.policy = policy;
    }

    /** @return until when the email is now locked, or {@code null} if it is not */
    public Instant failed(String emailIndex, Instant at) {
        LoginLock lock = locks.get(emailIndex, key -> new LoginLock());
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
