package dev.keel.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A throughput and its baseline measured in turns (app, baseline, app, baseline, ...) rather than one
 * long run each: on a shared machine, load from elsewhere then weighs on both sides alike, and the
 * median of the rounds ignores one disturbed round.
 */
public final class Alternating {

    private Alternating() {
    }

    /** One side of the comparison: its clients, and what to do as its measured windows open and close. */
    public record Side(String name, IntFunction<Call> calls, Runnable atStart, Runnable atEnd) {

        public Side(String name, IntFunction<Call> calls) {
            this(name, calls, () -> { }, () -> { });
        }
    }

    public static Result run(int rounds, int clients, Duration warmup, Duration total, Side side, Side baseline) {
        Duration window = total.dividedBy(rounds);
        double[] values = new double[rounds];
        double[] baselines = new double[rounds];
        long calls = 0;
        long baselineCalls = 0;
        for (int round = 0; round < rounds; round++) {
            ClosedLoop.Throughput a = ClosedLoop.run(side.name(), clients, warmup, window, side.calls(), side.atStart(),
                    side.atEnd());
            ClosedLoop.Throughput b = ClosedLoop.run(baseline.name(), clients, warmup, window, baseline.calls(),
                    baseline.atStart(), baseline.atEnd());
            values[round] = a.perSecond();
            baselines[round] = b.perSecond();
            calls += a.calls();
            baselineCalls += b.calls();
        }
        return new Result(median(values), median(baselines), calls, baselineCalls, values, baselines);
    }

    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Medians over the rounds, and every round's figure for the record. */
    public record Result(double perSecond, double baselinePerSecond, long calls, long baselineCalls,
                         double[] rounds, double[] baselineRounds) {

        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("rounds", round(rounds));
            details.put("baselineRounds", round(baselineRounds));
            details.put("calls", calls);
            details.put("baselineCalls", baselineCalls);
            return details;
        }

        private static List<Long> round(double[] values) {
            List<Long> rounded = new ArrayList<>();
            for (double value : values) {
                rounded.add(Math.round(value));
            }
            return rounded;
        }
    }
}
