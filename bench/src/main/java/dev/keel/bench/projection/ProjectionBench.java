package dev.keel.bench.projection;

import dev.keel.bench.Settings;
import dev.keel.bench.command.EventRow;
import dev.keel.bench.load.Alternating;
import dev.keel.bench.profile.Profiler;
import dev.keel.bench.report.Details;
import dev.keel.bench.report.Figure;
import dev.keel.bench.report.Goal;
import dev.keel.bench.report.Report;
import dev.keel.bench.stack.CpuUse;
import dev.keel.bench.stack.Jwt;
import dev.keel.bench.stack.KeelApp;
import dev.keel.bench.stack.Processors;
import dev.keel.bench.stack.Stack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code projection-catchup}, {@code search-indexing} and {@code replay}: the app (projections role)
 * building its read models from a backlog, against hand-written loops on the same events.
 *
 * <p>Each measurement empties the read models, stages the backlog in an open transaction, starts the
 * app, and commits once the app is ready: start-up stays out of the figure, and the events appear all at
 * once. The clock runs from the first progress the processors store to the moment health shows every
 * measured processor at the backlog's end.
 */
public final class ProjectionBench {

    private static final Logger log = LoggerFactory.getLogger(ProjectionBench.class);
    private static final String TABLE = "product-table";
    private static final String SEARCH = "product-search-v2";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    /** The loops are short: each runs three times and the median counts, against a machine's hiccups. */
    private static final int BASELINE_RUNS = 3;

    /** Rows the app wrote for one real create-product and one real price change. */
    public record Templates(EventRow created, EventRow changed) {
    }

    private final Settings settings;
    private final Stack stack;
    private final Jwt jwt;
    private final Templates templates;
    private final Search search;
    private final Profiler profiler;

    public ProjectionBench(Settings settings, Stack stack, Jwt jwt, Templates templates, Profiler profiler) {
        this.settings = settings;
        this.stack = stack;
        this.jwt = jwt;
        this.templates = templates;
        this.search = new Search(stack.elasticsearchUrl());
        this.profiler = profiler;
    }

    public void run(Report report) throws Exception {
        ProcessorTokens tokens;
        try (Connection c = stack.connect()) {
            tokens = ProcessorTokens.save(c);
        }
        log.info("Seeding a backlog of {} events", settings.backlog());
        Backlog backlog = Backlog.create(stack, templates.created(), templates.changed(), settings.backlog());
        int events = backlog.size();

        CatchUp table = catchUp("projection-catchup", backlog, tokens, List.of(TABLE));
        double tableLoop;
        try (Connection c = stack.connect()) {
            backlog.verifyTable(c, "product");
            double[] loops = new double[BASELINE_RUNS];
            for (int i = 0; i < BASELINE_RUNS; i++) {
                loops[i] = TableLoop.run(stack, settings.batchSize());
            }
            tableLoop = Alternating.median(loops);
            backlog.verifyTable(c, TableLoop.TABLE);
            long differences = TableLoop.differences(c);
            if (differences != 0) {
                throw new IllegalStateException(differences + " rows differ between the app's product table and the loop's");
            }
        }
        log.info("  app {} events/s, hand-written loop {} events/s", Math.round(table.perSecond()), Math.round(events / tableLoop));

        CatchUp indexing = catchUp("search-indexing", backlog, tokens, List.of(SEARCH));
        verifyIndex(Search.APP_INDEX, backlog);
        double bulk = Alternating.median(BulkLoad.run(stack, search, settings.repository(), settings.batchSize(), BASELINE_RUNS));
        verifyIndex(BulkLoad.INDEX, backlog);
        compareDocuments();
        log.info("  app {} events/s, direct _bulk {} events/s", Math.round(indexing.perSecond()), Math.round(events / bulk));

        CatchUp replay = catchUp("replay", backlog, tokens, List.of(TABLE, SEARCH));
        try (Connection c = stack.connect()) {
            backlog.verifyTable(c, "product");
        }
        verifyIndex(Search.APP_INDEX, backlog);

        report.add(Figure.against("projection-catchup", table.perSecond(), "events/s", events / tableLoop, "events/s",
                "hand-written loop: read by position, batch upsert (median of 3)", Goal.atLeast(0.5), table.details(backlog)));
        report.add(Figure.against("search-indexing", indexing.perSecond(), "events/s", events / bulk, "events/s",
                "direct _bulk of the same documents (median of 3)", Goal.atLeast(0.5), indexing.details(backlog)));
        report.add(Figure.against("replay", replay.perSecond(), "events/s", events / (tableLoop + bulk), "events/s",
                "both baselines one after the other", null, replay.details(backlog)));
    }

    private CatchUp catchUp(String name, Backlog backlog, ProcessorTokens tokens, List<String> measured) throws Exception {
        log.info("{}: {} from position 0 to {}", name, String.join(" and ", measured), backlog.size());
        try (Connection staging = stack.connect()) {
            staging.setAutoCommit(false);
            try (Statement s = staging.createStatement()) {
                if (measured.contains(TABLE)) {
                    s.execute("TRUNCATE product");
                }
                tokens.reset(staging, measured, backlog.size());
            }
            if (measured.contains(SEARCH)) {
                search.delete(Search.APP_INDEX);
            }
            backlog.stage(staging);
            try (KeelApp app = KeelApp.launch(settings.repository(), settings.output().resolve("logs"), name, "projections",
                    stack, jwt, settings.appHeap(), List.of())) {
                app.awaitReady();
                CpuUse cpu = new CpuUse(app::pid, stack.postgresPid());
                profiler.startRecording(app, name);
                profiler.resetStatements();
                CpuUse.Snapshot before = cpu.snapshot();
                long committed = System.nanoTime();
                staging.commit();
                long firstProgress;
                long progressAtStart;
                try (Connection watcher = stack.connect()) {
                    while (true) {
                        var progress = ProcessorTokens.storedProgress(watcher, measured);
                        if (progress.isPresent()) {
                            firstProgress = System.nanoTime();
                            progressAtStart = progress.getAsLong();
                            break;
                        }
                        if (System.nanoTime() - committed > TIMEOUT.toNanos() || !app.isAlive()) {
                            throw new IllegalStateException(name + ": the processors made no progress\n" + app.logTail());
                        }
                        Thread.sleep(10);
                    }
                }
                new Processors(app).awaitPosition(backlog.size(), TIMEOUT, measured.toArray(String[]::new));
                long done = System.nanoTime();
                Map<String, Object> cores = cpu.snapshot().coresSince(before);
                profiler.readStatements(Duration.ofNanos(done - committed));
                profiler.stopRecording(app, name, name + ": " + String.join(" and ", measured) + " from position 0 over "
                        + backlog.size() + " events (JFR and PostgreSQL from the commit of the backlog)", "events", backlog.size());
                return new CatchUp(backlog.size() - progressAtStart, (done - firstProgress) / 1e9,
                        (firstProgress - committed) / 1e6, cores);
            }
        }
    }

    private void verifyIndex(String index, Backlog backlog) throws Exception {
        long documents = search.count(index);
        if (documents != backlog.products()) {
            throw new IllegalStateException(index + " holds " + documents + " documents; the backlog makes " + backlog.products());
        }
    }

    /** The loop's documents must be the app's, or the baseline measures something else. */
    private void compareDocuments() throws Exception {
        try (Connection c = stack.connect(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT aggregate_identifier FROM domain_event_entry WHERE sequence_number > 0 LIMIT 1")) {
            if (!row.next()) {
                return;
            }
            String id = row.getString(1);
            JsonNode app = search.source(Search.APP_INDEX, id);
            JsonNode loop = search.source(BulkLoad.INDEX, id);
            if (!app.equals(loop)) {
                throw new IllegalStateException("The baseline's document differs from the app's:\n  app:  " + app + "\n  loop: " + loop);
            }
        }
    }

    /** One measured catch-up. */
    private record CatchUp(long events, double seconds, double noticeMillis, Map<String, Object> cores) {

        double perSecond() {
            return events / seconds;
        }

        Map<String, Object> details(Backlog backlog) {
            return Details.of("backlogEvents", backlog.size(), "products", backlog.products(),
                    "timedEvents", events, "seconds", Math.round(seconds * 100) / 100.0,
                    "commitToFirstProgressMs", Math.round(noticeMillis), "coresUsed", cores);
        }
    }
}
