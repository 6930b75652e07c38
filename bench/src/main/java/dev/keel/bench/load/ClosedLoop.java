package dev.keel.bench.load;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * N clients, each sending its next request as soon as the previous one is answered: the most a system
 * does at that concurrency. Only calls completed inside the measured window count.
 */
public final class ClosedLoop {

    private ClosedLoop() {
    }

    /** @param clientCalls the call of client {@code i}; each client runs on its own thread */
    public static Throughput run(String name, int clients, Duration warmup, Duration measure, IntFunction<Call> clientCalls) {
        return run(name, clients, warmup, measure, clientCalls, () -> { }, () -> { });
    }

    /** @param atStart runs as the measured window opens, {@code atEnd} as it closes (snapshots, profiles) */
    public static Throughput run(String name, int clients, Duration warmup, Duration measure, IntFunction<Call> clientCalls,
                                 Runnable atStart, Runnable atEnd) {
        LongAdder completed = new LongAdder();
        Histogram latencies = new ConcurrentHistogram(3);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime() + warmup.toNanos();
        long end = start + measure.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Call call = clientCalls.apply(i);
            threads.add(Thread.ofPlatform().name(name + "-" + i).start(() -> {
                while (failure.get() == null) {
                    long sent = System.nanoTime();
                    if (sent >= end) {
                        return;
                    }
                    try {
                        call.run();
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        return;
                    }
                    long done = System.nanoTime();
                    if (sent >= start && done < end) {
                        completed.increment();
                        latencies.recordValue((done - sent) / 1000);
                    }
                }
            }));
        }
        sleepUntil(start);
        atStart.run();
        sleepUntil(end);
        atEnd.run();
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted during " + name, e);
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException(name + " failed: " + failure.get().getMessage(), failure.get());
        }
        if (completed.sum() == 0) {
            throw new IllegalStateException(name + ": no call completed in the measured " + measure.toSeconds() + " s");
        }
        return new Throughput(completed.sum() / (measure.toNanos() / 1e9), completed.sum(), latencies);
    }

    private static void sleepUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** Calls per second in the measured window, and their latencies (µs). */
    public record Throughput(double perSecond, long calls, Histogram latencies) {
    }
}
