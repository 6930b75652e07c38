package dev.keel.bench.stack;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * CPU seconds used by each part of the run (the app, PostgreSQL, Elasticsearch, the harness with its
 * load generator and baselines) between two snapshots: on 2 cores, who eats the CPU explains a figure.
 */
public final class CpuUse {

    private final LongSupplier appPid;
    private final long postgresPid;

    public CpuUse(LongSupplier appPid, long postgresPid) {
        this.appPid = appPid;
        this.postgresPid = postgresPid;
    }

    public Snapshot snapshot() {
        Map<Long, String> owners = new HashMap<>();
        Map<Long, Duration> cpu = new HashMap<>();
        long app = appPid.getAsLong();
        ProcessHandle self = ProcessHandle.current();
        record(self, "harness", owners, cpu);
        self.children().forEach(child -> {
            long pid = child.pid();
            if (pid == postgresPid) {
                record(child, "postgres", owners, cpu);
                child.descendants().forEach(backend -> record(backend, "postgres", owners, cpu));
            } else if (pid == app) {
                record(child, "app", owners, cpu);
            } else {
                record(child, "elasticsearch", owners, cpu);
                child.descendants().forEach(d -> record(d, "elasticsearch", owners, cpu));
            }
        });
        return new Snapshot(System.nanoTime(), owners, cpu);
    }

    private static void record(ProcessHandle process, String owner, Map<Long, String> owners, Map<Long, Duration> cpu) {
        process.info().totalCpuDuration().ifPresent(used -> {
            owners.put(process.pid(), owner);
            cpu.put(process.pid(), used);
        });
    }

    /** CPU time per process at one moment. */
    public record Snapshot(long at, Map<Long, String> owners, Map<Long, Duration> cpu) {

        /**
         * Cores used by each part since {@code earlier} (1.0 = one core busy all the time); processes
         * that started in between count from zero.
         */
        public Map<String, Object> coresSince(Snapshot earlier) {
            double seconds = (at - earlier.at) / 1e9;
            Map<String, Double> used = new LinkedHashMap<>();
            for (String part : new String[] {"app", "postgres", "elasticsearch", "harness"}) {
                used.put(part, 0.0);
            }
            cpu.forEach((pid, now) -> {
                Duration before = earlier.cpu.getOrDefault(pid, Duration.ZERO);
                used.merge(owners.get(pid), (now.toNanos() - before.toNanos()) / 1e9, Double::sum);
            });
            Map<String, Object> cores = new LinkedHashMap<>();
            used.forEach((part, cpuSeconds) -> cores.put(part,
                    Double.valueOf(String.format(Locale.ROOT, "%.2f", cpuSeconds / seconds))));
            return cores;
        }
    }
}
