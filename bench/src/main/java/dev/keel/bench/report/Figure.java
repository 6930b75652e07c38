package dev.keel.bench.report;

import java.util.Map;

/**
 * One measured figure with the baseline measured in the same run. Ratio is value / baseline for
 * throughputs and latencies alike; the goal says which direction is good.
 *
 * @param baselineName what the baseline is, in a few words
 * @param details      how it was measured: rates, counts, CPU use of each process
 */
public record Figure(String name, double value, String unit, Double baseline, String baselineUnit,
                     String baselineName, Double ratio, Goal goal, Boolean met, Map<String, Object> details) {

    public static Figure against(String name, double value, String unit, double baseline, String baselineUnit,
                                 String baselineName, Goal goal, Map<String, Object> details) {
        double ratio = value / baseline;
        return new Figure(name, value, unit, baseline, baselineUnit, baselineName, ratio, goal,
                goal == null ? null : goal.metBy(ratio), details);
    }

    public static Figure plain(String name, double value, String unit, Map<String, Object> details) {
        return new Figure(name, value, unit, null, null, null, null, null, null, details);
    }
}
