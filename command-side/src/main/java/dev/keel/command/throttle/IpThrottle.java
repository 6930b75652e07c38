package dev.keel.command.throttle;

import dev.keel.command.account.IdentityProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins and reset requests per client IP in a sliding window, in this node's memory: with
 * N command nodes an address gets at most N times the limit, and a restart forgets. The account
 * lockout (durable, in the aggregate) is what stops a slow distributed guesser.
 */
@Component
public class IpThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final int attempts;
    private final Duration window;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    IpThrottle(IdentityProperties properties) {
        this.attempts = properties.ipThrottle().attempts();
        this.window = properties.ipThrottle().window();
    }

    /** @return how long this address must wait, {@link Duration#ZERO} when it may go ahead */
    public Duration waitFor(String ip) {
        Deque<Instant> recent = failures.get(ip);
        if (recent == null) {
            return Duration.ZERO;
        }
        synchronized (recent) {
            Instant now = clock.instant();
            recent.removeIf(at -> !at.isAfter(now.minus(window)));
            return recent.size() < attempts ? Duration.ZERO : Duration.between(now, recent.peekFirst().plus(window));
        }
    }

    public void count(String ip) {
        if (failures.size() > MAX_TRACKED) {
            failures.clear();
        }
        Deque<Instant> recent = failures.computeIfAbsent(ip, key -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(clock.instant());
            while (recent.size() > attempts) {
                recent.removeFirst();
            }
        }
    }

    /** Forgets an address (an operator unblocking it, or a test cleaning up). */
    public void forget(String ip) {
        failures.remove(ip);
    }
}
