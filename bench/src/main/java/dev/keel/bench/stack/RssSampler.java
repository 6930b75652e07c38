package dev.keel.bench.stack;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** Samples the app's resident set size every 250 ms while it is under load. */
public final class RssSampler implements AutoCloseable {

    private final DoubleAccumulator peak = new DoubleAccumulator(Math::max, 0);
    private final DoubleAdder sum = new DoubleAdder();
    private final LongAdder samples = new LongAdder();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    public RssSampler(KeelApp app) {
        thread = Thread.ofPlatform().daemon().name("rss-sampler").start(() -> {
            while (running.get()) {
                double rss = app.rssMegabytes();
                if (rss > 0) {
                    peak.accumulate(rss);
                    sum.add(rss);
                    samples.increment();
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    public double peakMegabytes() {
        return peak.get();
    }

    public double meanMegabytes() {
        return samples.sum() == 0 ? 0 : sum.sum() / samples.sum();
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
    }
}
