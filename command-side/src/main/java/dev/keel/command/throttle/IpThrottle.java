package dev.keel.command.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.keel.command.account.IdentityProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Failed logins and reset requests per client IP (each counted before its password check) in a sliding window, in this node's memory: with
 * N command nodes an address gets at most N times the limit, and a restart forgets. The account
 * lockout (durable, in the aggregate) is what stops a slow distributed guesser.
 *
 * <p>The addresses are a bounded cache, not a map that is cleared when full: clearing let anyone
 * free a throttled address by failing from enough new ones. When full, Caffeine evicts the entries
 * used least (an address that keeps failing is used often), and one silent for a whole window goes.
 */
@Component
public class IpThrottle {

    static final int MAX_TRACKED = 100_000;

    private final int attempts;
    private final Duration window;
    private final Clock clock = Clock.systemUTC();
    private final Cache<String, Deque<Instant>> failures;

    IpThrottle(IdentityProperties properties) {
        this.attempts = properties.ipThrottle().attempts();
        this.window = properties.ipThrottle().window();
        this.failures = Caffeine.newBuilder()
                .maximumSize(MAX_TRACKED)
                .expireAfterAccess(window)
                .executor(Runnable::run)
                .build();
    }

    /**
     * Takes one of the address's attempts before the work it guards (a password check), so that a
     * burst of parallel requests cannot all pass a check made before any of them was counted.
     *
     * @return {@link Duration#ZERO} when an attempt was taken; else how long the address must wait
     */
    public Duration reserve(String ip) {
        Deque<Instant> recent = failures.get(ip, key -> new ArrayDeque<>());
        synchronized (recent) {
            Instant now = clock.instant();
            recent.removeIf(at -> !at.isAfter(now.minus(window)));
            if (recent.size() >= attempts) {
                return Duration.between(now, recent.peekFirst().plus(window));
            }
            recent.addLast(now);
            return Duration.ZERO;
        }
    }

    /** Returns an attempt {@link #reserve} took: it succeeded, or was refused before anything was checked. */
    public void giveBack(String ip) {
        Deque<Instant> recent = failures.getIfPresent(ip);
        if (recent != null) {
            synchronized (recent) {
                recent.pollLast();
            }
        }
    }

    /** Forgets an address (an operator unblocking it, or a test cleaning up). */
    public void forget(String ip) {
        failures.invalidate(ip);
    }
}
