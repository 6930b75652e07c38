package dev.keel.bench.read;

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
import dev.keel.bench.stack.Stack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code read-throughput} and {@code read-latency-p95}: {@code GET /v1/products/{id}} on existing
 * products, against a bare Reactor Netty handler returning the same bytes (throughput) and a raw
 * primary-key SELECT (latency, both at half the app's maximum rate: a SELECT alone is so cheap that
 * half of its own maximum would load the load generator more than the database).
 */
public final class ReadBench {

    private static final Logger log = LoggerFactory.getLogger(ReadBench.class);
    private static final int PRODUCTS = 1000;
    private static final Duration LATENCY_WARMUP = Duration.ofSeconds(2);
    private static final Duration ROUND_WARMUP = Duration.ofSeconds(2);
    private static final int ROUNDS = 3;
    private static final String SELECT = """
            SELECT product_id, sku, name, description, price_minor, currency, version, created_at, updated_at
            FROM product WHERE product_id = ?""";

    private final Settings settings;
    private final Stack stack;
    private final KeelApp keel;
    private final URI app;
    private final CpuUse cpu;
    private final Profiler profiler;

    public ReadBench(Settings settings, Stack stack, KeelApp keel, CpuUse cpu, Profiler profiler) {
        this.settings = settings;
        this.stack = stack;
        this.keel = keel;
        this.app = keel.base();
        this.cpu = cpu;
        this.profiler = profiler;
    }

    public void run(Report report) throws Exception {
        List<String> ids = productIds();
        Map<String, BareServer.Product> answers = new HashMap<>();
        for (String id : ids) {
            HttpResponse<byte[]> response = Http.expect(find(app, id), 200);
            answers.put(id, new BareServer.Product(response.body(), response.headers().firstValue("ETag").orElse("")));
        }
        int clients = settings.clients();
        log.info("read-throughput: {} clients reading {} products, app and bare handler in {} alternating rounds of {} s",
                clients, ids.size(), ROUNDS, settings.measure().dividedBy(ROUNDS).toSeconds());
        List<HttpRequest> appRequests = ids.stream().map(id -> find(app, id)).toList();
        CoresUsed appCores = new CoresUsed(cpu);
        CoresUsed bareCores = new CoresUsed(cpu);
        Alternating.Result throughput;
        try (BareServer bare = BareServer.serving(answers)) {
            List<HttpRequest> bareRequests = ids.stream().map(id -> find(bare.base(), id)).toList();
            ClosedLoop.run("read-warmup", clients, Duration.ZERO, settings.appWarmup().dividedBy(3),
                    i -> randomGet(appRequests));
            profiler.startRecording(keel, "reads");
            profiler.resetStatements();
            long started = System.nanoTime();
            throughput = Alternating.run(ROUNDS, clients, ROUND_WARMUP, settings.measure(),
                    new Alternating.Side("app-reads", i -> randomGet(appRequests), appCores::start, appCores::stop),
                    new Alternating.Side("bare-reads", i -> randomGet(bareRequests), bareCores::start, bareCores::stop));
            profiler.readStatements(Duration.ofNanos(System.nanoTime() - started));
            profiler.stopRecording(keel, "reads", "Read phase (GET /v1/products/{id}, " + clients + " clients), every"
                    + " round; the bare handler's rounds run in the harness, so only the app's show here, and"
                    + " PostgreSQL's rates are over the whole phase, of which the app had half", "reads",
                    throughput.calls());
        }
        log.info("  app {} reads/s, bare Reactor Netty {} reads/s (medians of {} and {})", Math.round(throughput.perSecond()),
                Math.round(throughput.baselinePerSecond()), throughput.details().get("rounds"),
                throughput.details().get("baselineRounds"));

        List<Call> appCalls = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            appCalls.add(randomGet(appRequests));
        }
        double rate = throughput.perSecond() / 2;
        log.info("read-latency-p95: open loop at {}/s (half the app's maximum) for both", Math.round(rate));
        OpenLoop.Latencies appLatency = OpenLoop.run("app-read-latency", rate, LATENCY_WARMUP, settings.measure(), appCalls);
        List<SelectClient> selects = new ArrayList<>();
        OpenLoop.Latencies selectLatency;
        try {
            for (int i = 0; i < clients; i++) {
                selects.add(new SelectClient(stack.connect(), ids));
            }
            selectLatency = OpenLoop.run("raw-select-latency", rate, LATENCY_WARMUP, settings.measure(), List.copyOf(selects));
        } finally {
            for (SelectClient select : selects) {
                select.close();
            }
        }
        log.info("  p95 app {} ms at {}/s, raw SELECT {} ms at {}/s", appLatency.percentileMillis(95),
                Math.round(appLatency.perSecond()), selectLatency.percentileMillis(95), Math.round(selectLatency.perSecond()));

        Map<String, Object> details = throughput.details();
        details.putAll(Details.of("clients", clients, "products", ids.size(), "seconds", settings.measure().toSeconds(),
                "coresUsed", appCores.average(), "baselineCoresUsed", bareCores.average()));
        report.add(Figure.against("read-throughput", throughput.perSecond(), "reads/s", throughput.baselinePerSecond(),
                "reads/s", "bare Reactor Netty handler, same JSON", Goal.atLeast(0.5), details));
        report.add(Figure.against("read-latency-p95", appLatency.percentileMillis(95), "ms",
                selectLatency.percentileMillis(95), "ms", "raw primary-key SELECT's p95 at the same rate",
                Goal.atMost(2.0), Details.of("rate", Math.round(appLatency.perSecond()),
                        "baselineRate", Math.round(selectLatency.perSecond()), "requests", appLatency.requests(),
                        "p50Ms", appLatency.percentileMillis(50), "p99Ms", appLatency.percentileMillis(99),
                        "baselineP50Ms", selectLatency.percentileMillis(50), "sentLate", appLatency.sentLate(),
                        "baselineSentLate", selectLatency.sentLate())));
    }

    private List<String> productIds() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = stack.connect(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT product_id FROM product ORDER BY random() LIMIT " + PRODUCTS)) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("The product table is empty: nothing to read");
        }
        return ids;
    }

    private static HttpRequest find(URI base, String id) {
        return HttpRequest.newBuilder(base.resolve("/v1/products/" + id)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static Call randomGet(List<HttpRequest> requests) {
        return () -> Http.expect(requests.get(ThreadLocalRandom.current().nextInt(requests.size())), 200);
    }

    /** A connection reading one random product by primary key per call, every column, as the app's query. */
    private static final class SelectClient implements Call, AutoCloseable {

        private final Connection connection;
        private final PreparedStatement select;
        private final List<UUID> ids;

        SelectClient(Connection connection, List<String> ids) throws SQLException {
            this.connection = connection;
            this.select = connection.prepareStatement(SELECT);
            this.ids = ids.stream().map(UUID::fromString).toList();
        }

        @Override
        public void run() throws SQLException {
            select.setObject(1, ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("product not found by primary key");
                }
                for (int column = 1; column <= 9; column++) {
                    row.getObject(column);
                }
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
