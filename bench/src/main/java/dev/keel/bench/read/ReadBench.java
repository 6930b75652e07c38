package dev.keel.bench.read;

import dev.keel.bench.Settings;
import dev.keel.bench.load.Call;
import dev.keel.bench.load.ClosedLoop;
import dev.keel.bench.load.Http;
import dev.keel.bench.load.OpenLoop;
import dev.keel.bench.report.Details;
import dev.keel.bench.report.Figure;
import dev.keel.bench.report.Goal;
import dev.keel.bench.report.Report;
import dev.keel.bench.stack.CpuUse;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

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
    private static final String SELECT = """
            SELECT product_id, sku, name, description, price_minor, currency, version, created_at, updated_at
            FROM product WHERE product_id = ?""";

    private final Settings settings;
    private final Stack stack;
    private final URI app;
    private final CpuUse cpu;

    public ReadBench(Settings settings, Stack stack, URI app, CpuUse cpu) {
        this.settings = settings;
        this.stack = stack;
        this.app = app;
        this.cpu = cpu;
    }

    public void run(Report report) throws Exception {
        List<String> ids = productIds();
        Map<String, BareServer.Product> answers = new HashMap<>();
        for (String id : ids) {
            HttpResponse<byte[]> response = Http.expect(find(app, id), 200);
            answers.put(id, new BareServer.Product(response.body(), response.headers().firstValue("ETag").orElse("")));
        }
        int clients = settings.clients();
        log.info("read-throughput: {} clients reading {} products, {} s warm-up + {} s each", clients, ids.size(),
                settings.warmup().toSeconds(), settings.measure().toSeconds());
        List<HttpRequest> appRequests = ids.stream().map(id -> find(app, id)).toList();
        AtomicReference<Map<String, Object>> appCores = new AtomicReference<>();
        ClosedLoop.Throughput appReads = measured("app-reads", i -> randomGet(appRequests), appCores);
        log.info("  app: {} reads/s", Math.round(appReads.perSecond()));

        ClosedLoop.Throughput bareReads;
        AtomicReference<Map<String, Object>> bareCores = new AtomicReference<>();
        try (BareServer bare = BareServer.serving(answers)) {
            List<HttpRequest> bareRequests = ids.stream().map(id -> find(bare.base(), id)).toList();
            bareReads = measured("bare-reads", i -> randomGet(bareRequests), bareCores);
        }
        log.info("  bare Reactor Netty: {} reads/s", Math.round(bareReads.perSecond()));

        List<Call> appCalls = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            appCalls.add(randomGet(appRequests));
        }
        double rate = appReads.perSecond() / 2;
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

        report.add(Figure.against("read-throughput", appReads.perSecond(), "reads/s", bareReads.perSecond(), "reads/s",
                "bare Reactor Netty handler, same JSON", Goal.atLeast(0.5), Details.of(
                        "clients", clients, "products", ids.size(), "seconds", settings.measure().toSeconds(),
                        "coresUsed", appCores.get(), "baselineCoresUsed", bareCores.get())));
        report.add(Figure.against("read-latency-p95", appLatency.percentileMillis(95), "ms",
                selectLatency.percentileMillis(95), "ms", "raw primary-key SELECT's p95 at the same rate",
                Goal.atMost(2.0), Details.of("rate", Math.round(appLatency.perSecond()),
                        "baselineRate", Math.round(selectLatency.perSecond()), "requests", appLatency.requests(),
                        "p50Ms", appLatency.percentileMillis(50), "p99Ms", appLatency.percentileMillis(99),
                        "baselineP50Ms", selectLatency.percentileMillis(50), "sentLate", appLatency.sentLate(),
                        "baselineSentLate", selectLatency.sentLate())));
    }

    private ClosedLoop.Throughput measured(String name, IntFunction<Call> calls, AtomicReference<Map<String, Object>> cores) {
        AtomicReference<CpuUse.Snapshot> before = new AtomicReference<>();
        return ClosedLoop.run(name, settings.clients(), settings.warmup(), settings.measure(), calls,
                () -> before.set(cpu.snapshot()), () -> cores.set(cpu.snapshot().coresSince(before.get())));
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
