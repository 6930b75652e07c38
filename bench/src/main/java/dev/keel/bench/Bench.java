package dev.keel.bench;

import dev.keel.bench.command.Catalog;
import dev.keel.bench.command.ChangeBench;
import dev.keel.bench.command.CommandBench;
import dev.keel.bench.command.EventRow;
import dev.keel.bench.command.RawInsert;
import dev.keel.bench.load.Http;
import dev.keel.bench.profile.Profiler;
import dev.keel.bench.projection.ProjectionBench;
import dev.keel.bench.read.ReadBench;
import dev.keel.bench.report.Details;
import dev.keel.bench.report.Figure;
import dev.keel.bench.report.Report;
import dev.keel.bench.stack.CpuUse;
import dev.keel.bench.stack.Jwt;
import dev.keel.bench.stack.KeelApp;
import dev.keel.bench.stack.Processors;
import dev.keel.bench.stack.RssSampler;
import dev.keel.bench.stack.Stack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The benchmark suite (bench/run): one embedded PostgreSQL and Elasticsearch, the Keel app in a child
 * JVM, every figure measured against its hand-written baseline on that same stack, results in
 * target/bench/results.json and as a table.
 */
public final class Bench {

    private static final Logger log = LoggerFactory.getLogger(Bench.class);
    /** The order of figures. */
    private static final List<String> ORDER = List.of("command-throughput", "command-latency-p99", "change-throughput",
            "projection-catchup",
            "search-indexing", "read-throughput", "read-latency-p95", "replay", "rss-under-load", "start-to-ready");
    private static final String ALL_ROLES = "command,projections,query";

    private final Settings settings;
    private final Report report = new Report();
    private final Map<String, Object> phases = new LinkedHashMap<>();

    private Bench(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: Bench <repository root>   (bench/run passes it)");
            System.exit(2);
        }
        Bench bench = new Bench(Settings.from(Path.of(args[0]).toAbsolutePath().normalize()));
        long started = System.nanoTime();
        try {
            bench.run();
        } catch (Exception e) {
            log.error("bench failed: {}", e.getMessage(), e);
            System.exit(1);
        }
        log.info("bench finished in {} s", Math.round((System.nanoTime() - started) / 1e9));
        System.exit(0);
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        header();
        log.info("Starting the embedded PostgreSQL and Elasticsearch");
        try (Stack stack = Stack.start()) {
            Map<String, String> postgres = stack.postgresSettings();
            log.info("PostgreSQL settings: {}", postgres);
            report.header("postgres", postgres);
            Jwt jwt = Jwt.generate();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < settings.clients(); i++) {
                tokens.add(jwt.token(UUID.randomUUID().toString(), List.of("STAFF")));
            }
            Profiler profiler = new Profiler(stack, settings.output(), settings.profile());
            ProjectionBench.Templates templates = phase("app under load", () -> underLoad(stack, jwt, tokens, profiler));
            phase("projections", () -> {
                new ProjectionBench(settings, stack, jwt, templates, profiler).run(report);
                return null;
            });
        }
        report.header("runSeconds", Math.round((System.nanoTime() - started) / 1e9));
        report.header("loadAverageAtEnd", loadAverage());
        report.header("phaseSeconds", phases);
        report.sort(ORDER);
        report.write(settings.output());
        System.out.println();
        System.out.println(report.table());
        warnAboutABusyMachine();
        log.info("Written {}", settings.output().resolve("results.json"));
    }

    /** The first app: start-to-ready, commands and reads, RSS throughout; leaves event templates behind. */
    private ProjectionBench.Templates underLoad(Stack stack, Jwt jwt, List<String> tokens, Profiler profiler)
            throws Exception {
        try (KeelApp app = KeelApp.launch(settings.repository(), settings.output().resolve("logs"), "commands-and-reads",
                ALL_ROLES, stack, jwt, settings.appHeap(), List.of())) {
            Duration ready = app.awaitReady();
            log.info("start-to-ready: {} s", ready.toMillis() / 1000.0);
            report.add(Figure.plain("start-to-ready", ready.toMillis() / 1000.0, "s", Details.of(
                    "from", "launch of java -jar keel.jar", "to", "/actuator/health UP", "roles", ALL_ROLES,
                    "database", "empty (migrations run)")));
            CpuUse cpu = new CpuUse(app::pid, stack.postgresPid());
            Catalog catalog = new Catalog(app.base());
            ProjectionBench.Templates templates = templates(stack, catalog, tokens.getFirst());
            try (RssSampler rss = new RssSampler(app)) {
                phase("commands", () -> {
                    new CommandBench(settings, app, catalog, tokens, new RawInsert(stack, templates.created()), cpu, profiler)
                            .run(report);
                    return null;
                });
                phase("changes", () -> {
                    new ChangeBench(settings, catalog, tokens, new RawInsert(stack, templates.created()), cpu).run(report);
                    return null;
                });
                phase("product table catches up", () -> {
                    new Processors(app).awaitPosition(headOfEventStore(stack), Duration.ofMinutes(3), "product-table");
                    return null;
                });
                phase("reads", () -> {
                    new ReadBench(settings, stack, app, cpu, profiler).run(report);
                    return null;
                });
                report.add(Figure.plain("rss-under-load", rss.peakMegabytes(), "MB", Details.of(
                        "statistic", "peak VmRSS while commands and reads ran", "meanMB", Math.round(rss.meanMegabytes()),
                        "heapMax", settings.appHeap())));
            }
            return templates;
        }
    }

    /** One real create and one real price change through HTTP: their stored rows are the templates. */
    private static ProjectionBench.Templates templates(Stack stack, Catalog catalog, String token) throws Exception {
        String productId = catalog.create(token, 0);
        Http.expect(catalog.changePrice(token, productId, 0), 200);
        try (Connection c = stack.connect()) {
            return new ProjectionBench.Templates(EventRow.read(c, productId, 0), EventRow.read(c, productId, 1));
        }
    }

    private static long headOfEventStore(Stack stack) throws Exception {
        try (Connection c = stack.connect(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Figures measured while other processes took CPU are not comparable with quiet runs: say so. */
    private void warnAboutABusyMachine() {
        for (Figure figure : report.figures()) {
            for (String key : List.of("coresUsed", "baselineCoresUsed")) {
                if (figure.details().get(key) instanceof Map<?, ?> cores
                        && cores.get("otherProcesses") instanceof Double others && others > 0.2) {
                    System.out.printf("bench: other processes used %.2f cores during %s (%s); rerun on a quiet machine%n",
                            others, figure.name(), key.startsWith("baseline") ? "baseline" : "app");
                }
            }
        }
    }

    /** The 1-, 5- and 15-minute load averages: above the core count, other work shared the machine. */
    private static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private void header() {
        report.header("date", Instant.now().toString());
        report.header("loadAverageAtStart", loadAverage());
        report.header("gitCommit", System.getenv().getOrDefault("BENCH_GIT_COMMIT", "unknown"));
        Runtime runtime = Runtime.getRuntime();
        report.header("machine", Details.of(
                "cores", runtime.availableProcessors(),
                "memoryMB", memoryMegabytes(),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                "jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version")));
        report.header("settings", Details.of(
                "clients", settings.clients(), "appWarmupSeconds", settings.appWarmup().toSeconds(), "warmupSeconds", settings.warmup().toSeconds(),
                "measureSeconds", settings.measure().toSeconds(), "backlogEvents", settings.backlog(),
                "batchSize", settings.batchSize(), "appHeap", settings.appHeap(), "jfr", settings.profile()));
    }

    private static long memoryMegabytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (java.io.IOException e) {
            // not Linux: leave it out
        }
        return -1;
    }

    private <T> T phase(String name, Phase<T> phase) throws Exception {
        long started = System.nanoTime();
        log.info("== {}", name);
        try {
            return phase.run();
        } catch (Exception e) {
            throw new IllegalStateException("phase '" + name + "' failed: " + e.getMessage(), e);
        } finally {
            phases.put(name, Math.round((System.nanoTime() - started) / 1e8) / 10.0);
        }
    }

    @FunctionalInterface
    private interface Phase<T> {
        T run() throws Exception;
    }
}
