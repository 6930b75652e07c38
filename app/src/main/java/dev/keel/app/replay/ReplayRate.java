package dev.keel.app.replay;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The speed of one replay, from samples of its position over a sliding window. A rate from two
 * readings of the position, not from a count of handled events: the position is what the processor
 * has committed, so the rate says how fast the read model is really being rebuilt. Samples older than
 * the window are dropped, but the newest of them is kept as the base while no newer one exists, so a
 * status read rarely still has a rate (over a longer span). Not thread-safe on its own; callers lock.
 */
final class ReplayRate {

    private static final int MAX_SAMPLES = 256;

    private final Duration window;
    private final Deque<Sample> samples = new ArrayDeque<>();

    ReplayRate(Duration window) {
        this.window = window;
    }

    void sample(Instant at, long position) {
        Sample last = samples.peekLast();
        if (last != null && !at.isAfter(last.at())) {
            return;
        }
        if (last != null && position < last.position()) {
            samples.clear(); // a new replay from the start: the old samples are another run's
        }
        samples.addLast(new Sample(at, position));
        Instant start = at.minus(window);
        while (samples.size() > 2 && (isBefore(secondOldest(), start) || samples.size() > MAX_SAMPLES)) {
            samples.removeFirst();
        }
    }

    /** Events per second between the oldest kept sample and the newest; null with fewer than two. */
    @Nullable Double eventsPerSecond() {
        if (samples.size() < 2) {
            return null;
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        double seconds = Duration.between(first.at(), last.at()).toNanos() / 1e9;
        return Math.max(0, last.position() - first.position()) / seconds;
    }

    /** Seconds until {@code head} at the current rate; null while there is no rate or it is zero. */
    @Nullable Long secondsLeft(long head) {
        Double rate = eventsPerSecond();
        Sample last = samples.peekLast();
        if (rate == null || rate <= 0 || last == null) {
            return null;
        }
        return (long) Math.ceil(Math.max(0, head - last.position()) / rate);
    }

    private Instant secondOldest() {
        return samples.stream().skip(1).findFirst().orElseThrow().at();
    }

    private static boolean isBefore(Instant at, Instant start) {
        return at.isBefore(start);
    }

    private record Sample(Instant at, long position) {
    }
}
