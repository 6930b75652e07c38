package dev.keel.bench.load;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Requests sent on a fixed schedule, whatever the answers do, through at most as many connections as
 * there are calls (waiting for a free one counts). Latency runs from the request's intended send
 * time, so a stall delays every request scheduled behind it in the figures too (no coordinated omission).
 */
public final class OpenLoop {

    private OpenLoop() {
    }

    /**
     * @param calls one per connection; their number caps the requests in flight
     * @return latencies in µs of requests scheduled after the warm-up
     */
    public static Latencies run(String name, double perSecond, Duration warmup, Duration measure, List<Call> calls) {
        BlockingQueue<Call> free = new ArrayBlockingQueue<>(calls.size(), false, calls);
        Histogram latencies = new ConcurrentHistogram(3);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        LongAdder late = new LongAdder();
        double interval = 1e9 / perSecond;
        long begin = System.nanoTime();
        long measureFrom = begin + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        long scheduled = 0;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; failure.get() == null; i++) {
                long intended = begin + (long) (i * interval);
                if (intended >= end) {
                    break;
                }
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else if (wait < -1_000_000) {
                    late.increment();
                }
                boolean measured = intended >= measureFrom;
                scheduled += measured ? 1 : 0;
                executor.execute(() -> {
                    try {
                        Call call = free.take();
                        try {
                            call.run();
                        } finally {
                            free.add(call);
                        }
                        if (measured) {
                            latencies.recordValue((System.nanoTime() - intended) / 1000);
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            executor.shutdown();
            if (!executor.awaitTermination(2, TimeUnit.MINUTES)) {
                executor.shutdownNow();
                throw new IllegalStateException(name + ": requests still unanswered 2 minutes after the last was sent");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + name, e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException(name + " failed: " + failure.get().getMessage(), failure.get());
        }
        return new Latencies(perSecond, scheduled, late.sum(), latencies);
    }

    /**
     * @param sentLate requests the scheduler itself sent over 1 ms behind time (the load generator short of CPU);
     *                 their latency still counts from the intended time
     */
    public record Latencies(double perSecond, long requests, long sentLate, Histogram histogram) {

        public double percentileMillis(double percentile) {
            return histogram.getValueAtPercentile(percentile) / 1000.0;
        }
    }
}
