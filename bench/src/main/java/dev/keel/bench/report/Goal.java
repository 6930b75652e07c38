package dev.keel.bench.report;

import java.util.Locale;

/** A goal on a figure's ratio to its baseline: at least (throughputs) or at most (latencies) a threshold. */
public record Goal(boolean atLeast, double threshold) {

    public static Goal atLeast(double threshold) {
        return new Goal(true, threshold);
    }

    public static Goal atMost(double threshold) {
        return new Goal(false, threshold);
    }

    public boolean metBy(double ratio) {
        return atLeast ? ratio >= threshold : ratio <= threshold;
    }

    @Override
    public String toString() {
        return (atLeast ? ">= " : "<= ") + String.format(Locale.ROOT, "%.1f", threshold);
    }
}
