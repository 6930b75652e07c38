package dev.keel.bench.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/** Cores used by each part of the run, averaged over several measured windows of equal length. */
public final class CoresUsed {

    private final CpuUse cpu;
    private final Map<String, Double> sums = new LinkedHashMap<>();
    private CpuUse.Snapshot opened;
    private int windows;

    public CoresUsed(CpuUse cpu) {
        this.cpu = cpu;
    }

    public void start() {
        opened = cpu.snapshot();
    }

    public void stop() {
        cpu.snapshot().coresSince(opened).forEach((part, cores) -> sums.merge(part, (Double) cores, Double::sum));
        windows++;
    }

    public Map<String, Object> average() {
        Map<String, Object> average = new LinkedHashMap<>();
        sums.forEach((part, sum) -> average.put(part, Math.round(sum / windows * 100) / 100.0));
        return average;
    }
}
