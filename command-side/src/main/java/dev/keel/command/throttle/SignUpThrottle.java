package dev.keel.command.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.InstantSource;

/**
 * Sign-ups per client address, as a bucket of {@code attempts} that refills continuously over
 * {@code window}: each sign-up hashes a password, so one address must not take the hashing pool
 * for itself. Generous on purpose: a mobile carrier puts many phones behind one address (CGNAT),
 * and a sign-up wave behind it must get through; the hashing pool, not this, is what protects the
 * node from a flood from many addresses. In this node's memory, for the addresses seen last.
 */
@Component
public class SignUpThrottle {

    private static final int MAX_TRACKED = 100_000;

    /** Sign-ups an address may make now (fractions refill), as of {@code at} (nanoseconds). */
    private static final class Bucket {
        double available;
        long at;
    }

    private final int attempts;
    private final long nanosPerAttempt;
    private final InstantSource clock;
    private final Cache<String, Bucket> buckets;

    @Autowired
    SignUpThrottle(SignUpThrottleProperties properties) {
        this(properties, InstantSource.system());
    }

    SignUpThrottle(SignUpThrottleProperties properties, InstantSource clock) {
        if (properties.attempts() < 1 || !properties.window().isPositive()) {
            throw new IllegalArgumentException("The sign-up throttle needs at least one attempt in a positive window");
        }
        this.attempts = properties.attempts();
        this.nanosPerAttempt = properties.window().toNanos() / attempts;
        this.clock = clock;
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterAccess(properties.window()).build();
    }

    /** @return {@link Duration#ZERO} when the address may sign up now (which it then spent); else how long to wait */
    public Duration take(String ip) {
        long now = nanos();
        Bucket bucket = buckets.get(ip, key -> full(now));
        synchronized (bucket) {
            bucket.available = Math.min(attempts, bucket.available + (double) (now - bucket.at) / nanosPerAttempt);
            bucket.at = now;
            if (bucket.available >= 1) {
                bucket.available -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) ((1 - bucket.available) * nanosPerAttempt));
        }
    }

    /** Returns a sign-up that was refused before its password was hashed. */
    public void giveBack(String ip) {
        Bucket bucket = buckets.getIfPresent(ip);
        if (bucket != null) {
            synchronized (bucket) {
                bucket.available = Math.min(attempts, bucket.available + 1);
            }
        }
    }

    private Bucket full(long now) {
        Bucket bucket = new Bucket();
        bucket.available = attempts;
        bucket.at = now;
        return bucket;
    }

    private long nanos() {
        var now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
