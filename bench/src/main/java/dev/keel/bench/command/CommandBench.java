package dev.keel.bench.command;

import dev.keel.bench.Settings;
import dev.keel.bench.load.Alternating;
import dev.keel.bench.load.Call;
import dev.keel.bench.load.ClosedLoop;
import dev.keel.bench.load.Http;
import dev.keel.bench.load.OpenLoop;
import dev.keel.bench.profile.Profiler;
import dev.keel.bench.report.Details;
import dev.keel.bench.report.Figure;
import dev.keel.bench.report.Goal;
import dev.keel.bench.report.Report;
import dev.keel.bench.stack.CoresUsed;
import dev.keel.bench.stack.CpuUse;
import dev.keel.bench.stack.KeelApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code command-throughput} and {@code command-latency-p99}: create-product through HTTP (auth,
 * idempotency key, validation, Axon, the JDBC event store) against raw one-row transactions.
 *
 * <p>The latency baseline is the raw insert at the app's rate (half the app's maximum). At half its
 * own maximum (thousands per second) the raw insert's p99 swung between 50 and 215 ms from run to run,
 * set by the load generator's own lateness on the shared cores; it is kept in the details.
 */
public final class CommandBench {

    private static final Logger log = LoggerFactory.getLogger(CommandBench.class);
    private static final Duration LATENCY_WARMUP = Duration.ofSeconds(2);
    private static final Duration ROUND_WARMUP = Duration.ofSeconds(2);
    private static final int ROUNDS = 3;

    private final Settings settings;
    private final KeelApp app;
    private final Catalog catalog;
    private final List<String> tokens;
    private final RawInsert raw;
    private final CpuUse cpu;
    private final Profiler profiler;

    public CommandBench(Settings settings, KeelApp app, Catalog catalog, List<String> tokens, RawInsert raw, CpuUse cpu,
                        Profiler profiler) {
        this.settings = settings;
        this.app = app;
        this.catalog = catalog;
        this.tokens = tokens;
        this.raw = raw;
        this.cpu = cpu;
        this.profiler = profiler;
    }

    public void run(Report report) throws Exception {
        int clients = settings.clients();
        log.info("JIT warm-up: {} s of commands", settings.appWarmup().toSeconds());
        if (!settings.appWarmup().isZero()) {
            ClosedLoop.run("jit-warmup", clients, Duration.ZERO, settings.appWarmup(), this::httpCall);
        }
        raw.createTable();
        List<RawInsert.Client> rawClients = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            rawClients.add(raw.client());
        }
        CoresUsed httpCores = new CoresUsed(cpu);
        CoresUsed rawCores = new CoresUsed(cpu);
        AtomicBoolean firstWindow = new AtomicBoolean(true);
        Alternating.Result throughput;
        OpenLoop.Latencies rawLatency;
        OpenLoop.Latencies rawAtAppRate;
        try {
            log.info("command-throughput: {} clients, HTTP create-product and raw inserts in {} alternating rounds of {} s",
                    clients, ROUNDS, settings.measure().dividedBy(ROUNDS).toSeconds());
            profiler.startRecording(app, "commands");
            throughput = Alternating.run(ROUNDS, clients, ROUND_WARMUP, settings.measure(),
                    new Alternating.Side("http-commands", this::httpCall,
                            () -> {
                                httpCores.start();
                                if (firstWindow.get()) {
                                    profiler.resetStatements();
                                }
                            },
                            () -> {
                                httpCores.stop();
                                if (firstWindow.getAndSet(false)) {
                                    profiler.readStatements(settings.measure().dividedBy(ROUNDS));
                                }
                            }),
                    new Alternating.Side("raw-inserts", rawClients::get, rawCores::start, rawCores::stop));
            profiler.stopRecording(app, "commands", "Command phase (create-product over HTTP, " + clients
                    + " clients); JFR covers every round, PostgreSQL the first measured window", "commands",
                    throughput.calls());
            log.info("  app {} commands/s, raw JDBC {} rows/s (medians of {} and {})", Math.round(throughput.perSecond()),
                    Math.round(throughput.baselinePerSecond()), throughput.details().get("rounds"),
                    throughput.details().get("baselineRounds"));

            log.info("command-latency-p99: open loop at half the app's maximum for both, and the raw insert at half its own");
            rawLatency = OpenLoop.run("raw-insert-latency", throughput.baselinePerSecond() / 2, LATENCY_WARMUP, settings.measure(),
                    List.copyOf(rawClients));
            rawAtAppRate = OpenLoop.run("raw-insert-latency-at-app-rate", throughput.perSecond() / 2, LATENCY_WARMUP,
                    settings.measure(), List.copyOf(rawClients));
        } finally {
            for (RawInsert.Client client : rawClients) {
                client.close();
            }
        }
        List<Call> httpCalls = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            httpCalls.add(httpCall(i));
        }
        OpenLoop.Latencies httpLatency = OpenLoop.run("http-command-latency", throughput.perSecond() / 2, LATENCY_WARMUP,
                settings.measure(), httpCalls);
        log.info("  p99 app {} ms at {}/s, raw {} ms at the same rate, raw {} ms at {}/s", httpLatency.percentileMillis(99),
                Math.round(httpLatency.perSecond()), rawAtAppRate.percentileMillis(99), rawLatency.percentileMillis(99),
                Math.round(rawLatency.perSecond()));

        Map<String, Object> details = throughput.details();
        details.putAll(Details.of("clients", clients, "seconds", settings.measure().toSeconds(),
                "coresUsed", httpCores.average(), "baselineCoresUsed", rawCores.average()));
        report.add(Figure.against("command-throughput", throughput.perSecond(), "commands/s",
                throughput.baselinePerSecond(), "rows/s", "raw JDBC, one INSERT + COMMIT per row", Goal.atLeast(1.0),
                details));
        report.add(Figure.against("command-latency-p99", httpLatency.percentileMillis(99), "ms",
                rawAtAppRate.percentileMillis(99), "ms", "raw insert's p99 at the same rate", Goal.atMost(3.0),
                Details.of("rate", Math.round(httpLatency.perSecond()), "requests", httpLatency.requests(),
                        "p50Ms", httpLatency.percentileMillis(50), "p999Ms", httpLatency.percentileMillis(99.9),
                        "baselineP50Ms", rawAtAppRate.percentileMillis(50), "sentLate", httpLatency.sentLate(),
                        "baselineSentLate", rawAtAppRate.sentLate(),
                        "rawP99AtHalfItsOwnMaximumMs", rawLatency.percentileMillis(99),
                        "rawHalfMaximumRate", Math.round(rawLatency.perSecond()),
                        "rawSentLateAtHalfItsOwnMaximum", rawLatency.sentLate())));
    }

    private Call httpCall(int client) {
        String token = tokens.get(client % tokens.size());
        return () -> Http.expect(catalog.createProduct(token, catalog.nextNumber()), 201);
    }
}
