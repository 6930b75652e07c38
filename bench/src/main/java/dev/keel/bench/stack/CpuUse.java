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

    /** USER_HZ: 100 on every Linux this runs on. */
    private static final long TICKS_PER_SECOND = 100;

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
        return new Snapshot(System.nanoTime(), owners, cpu, machineBusy());
    }

    /** CPU time of every process on the machine, from /proc/stat (zero where there is none). */
    private static Duration machineBusy() {
        try {
            String[] fields = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long ticks = 0;
            // user nice system idle iowait irq softirq steal: everything but idle and iowait
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                ticks += Long.parseLong(fields[i]);
            }
            return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
        } catch (java.io.IOException | RuntimeException notLinux) {
            return Duration.ZERO;
        }
    }

    private static void record(ProcessHandle process, String owner, Map<Long, String> owners, Map<Long, Duration> cpu) {
        process.info().totalCpuDuration().ifPresent(used -> {
            owners.put(process.pid(), owner);
            cpu.put(process.pid(), used);
        });
    }

    /** CPU time per process at one moment. */
    public record Snapshot(long at, Map<Long, String> owners, Map<Long, Duration> cpu, Duration machine) {

        /**
         * Cores used by each part since {@code earlier} (1.0 = one core busy all the time); processes
         * that started in between count from zero. {@code otherProcesses} is what the rest of the
         * machine used meanwhile: anything well above zero means the figure was measured on a busy machine.
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
            double ours = used.values().stream().mapToDouble(Double::doubleValue).sum();
            double machineSeconds = (machine.toNanos() - earlier.machine.toNanos()) / 1e9;
            if (machineSeconds > 0) {
                used.put("otherProcesses", Math.max(0, machineSeconds - ours));
            }
            Map<String, Object> cores = new LinkedHashMap<>();
            used.forEach((part, cpuSeconds) -> cores.put(part,
                    Double.valueOf(String.format(Locale.ROOT, "%.2f", cpuSeconds / seconds))));
            return cores;
        }
    }
}
