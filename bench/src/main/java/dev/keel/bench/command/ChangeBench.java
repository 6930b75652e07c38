package dev.keel.bench.command;

import dev.keel.bench.Settings;
import dev.keel.bench.load.Alternating;
import dev.keel.bench.load.Call;
import dev.keel.bench.load.ClosedLoop;
import dev.keel.bench.load.Http;
import dev.keel.bench.report.Details;
import dev.keel.bench.report.Figure;
import dev.keel.bench.report.Report;
import dev.keel.bench.stack.CoresUsed;
import dev.keel.bench.stack.CpuUse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code change-throughput}: price changes of existing products through HTTP, so every command loads an
 * aggregate (from the cache, checked against the store, or from its events, as
 * {@code KEEL_AGGREGATES_CACHE} says), against the same raw one-row transactions as
 * {@code command-throughput}. Each client changes its own few products in turn, so the aggregates are
 * warm in the cache and commands seldom wait on each other.
 */
public final class ChangeBench {

    private static final Logger log = LoggerFactory.getLogger(ChangeBench.class);
    private static final int PRODUCTS_PER_CLIENT = 8;
    private static final Duration ROUND_WARMUP = Duration.ofSeconds(2);
    private static final int ROUNDS = 3;

    private final Settings settings;
    private final Catalog catalog;
    private final List<String> tokens;
    private final RawInsert raw;
    private final CpuUse cpu;

    public ChangeBench(Settings settings, Catalog catalog, List<String> tokens, RawInsert raw, CpuUse cpu) {
        this.settings = settings;
        this.catalog = catalog;
        this.tokens = tokens;
        this.raw = raw;
        this.cpu = cpu;
    }

    public void run(Report report) throws Exception {
        int clients = settings.clients();
        List<List<String>> products = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            List<String> own = new ArrayList<>();
            for (int i = 0; i < PRODUCTS_PER_CLIENT; i++) {
                own.add(catalog.create(tokens.get(client % tokens.size()), catalog.nextNumber()));
            }
            products.add(own);
        }
        List<RawInsert.Client> rawClients = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            rawClients.add(raw.client());
        }
        CoresUsed httpCores = new CoresUsed(cpu);
        CoresUsed rawCores = new CoresUsed(cpu);
        Alternating.Result throughput;
        try {
            log.info("change-throughput: {} clients, HTTP price changes of {} products each and raw inserts, {} rounds",
                    clients, PRODUCTS_PER_CLIENT, ROUNDS);
            throughput = Alternating.run(ROUNDS, clients, ROUND_WARMUP, settings.measure(),
                    new Alternating.Side("http-changes", client -> change(client, products.get(client)),
                            httpCores::start, httpCores::stop),
                    new Alternating.Side("raw-inserts", rawClients::get, rawCores::start, rawCores::stop));
        } finally {
            for (RawInsert.Client client : rawClients) {
                client.close();
            }
        }
        String caching = System.getenv().getOrDefault("KEEL_AGGREGATES_CACHE", "checked");
        log.info("  app {} changes/s (aggregate cache {}), raw JDBC {} rows/s", Math.round(throughput.perSecond()),
                caching, Math.round(throughput.baselinePerSecond()));
        Map<String, Object> details = throughput.details();
        details.putAll(Details.of("clients", clients, "productsPerClient", PRODUCTS_PER_CLIENT,
                "aggregateCache", caching, "seconds", settings.measure().toSeconds(),
                "coresUsed", httpCores.average(), "baselineCoresUsed", rawCores.average()));
        report.add(Figure.against("change-throughput", throughput.perSecond(), "commands/s",
                throughput.baselinePerSecond(), "rows/s", "raw JDBC, one INSERT + COMMIT per row", null, details));
    }

    private Call change(int client, List<String> own) {
        String token = tokens.get(client % tokens.size());
        int[] next = {0};
        return () -> {
            String productId = own.get(next[0]++ % own.size());
            Http.expect(catalog.changePriceAnyVersion(token, productId, 1000 + next[0] % 500), 200);
        };
    }
}
