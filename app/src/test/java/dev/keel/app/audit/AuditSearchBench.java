package dev.keel.app.audit;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.app.privacy.MasterKey;
import dev.keel.testing.ScratchDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether PostgreSQL alone serves audit search at volume: fills a scratch database's audit_record
 * (the real migrations) with {@code bench.audit.search.rows} rows (default 1,000,000; 10,000 actors,
 * 200,000 aggregates, 40 event types, a year of timestamps) and times the first page of each kind of
 * search through {@link AuditReads#page}, as {@code GET /v1/audit} runs it. Writes
 * {@code target/bench/audit-search.md}. Run by {@code bench/audit-search}, not by the test suite.
 */
class AuditSearchBench extends KeelIntegrationTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final int RUNS = 40;

    @Autowired
    DataSource dataSource;

    @Test
    void searchesAtVolume() throws IOException {
        int rows = Integer.getInteger("bench.audit.search.rows", 1_000_000);
        try (ScratchDatabase scratch = new ScratchDatabase(dataSource)) {
            JdbcClient jdbc = JdbcClient.create(scratch.dataSource());
            for (String migration : List.of("V4__audit_trail.sql", "V5__audit_record_origin.sql", "V6__audit_checkpoint.sql")) {
                jdbc.sql(new String(getClass().getResourceAsStream("/db/schema/app/" + migration).readAllBytes(),
                        StandardCharsets.UTF_8)).update();
            }
            long filling = System.nanoTime();
            jdbc.sql("""
                    INSERT INTO audit_record (chain_position, global_index, event_identifier, event_type, aggregate_type,
                        aggregate_id, aggregate_sequence, occurred_at, actor, roles, correlation_id, causation_id,
                        personal_data_of, client_ip, device_id, event_hash, previous_hash, record_hash)
                    SELECT n, n, md5(n::text), 'dev.keel.api.Event' || (n % 40), 'Aggregate', 'aggregate-' || (n % 200000),
                           n / 200000, ?::timestamptz + (n * (31536000.0 / ?)) * interval '1 second',
                           'user:' || ((n * 7919) % 10000), 'CUSTOMER', md5('c' || n), md5('d' || n),
                           'subject-' || ((n * 7919) % 10000), 'pd1:' || md5('ip' || n), 'pd1:' || md5('dev' || n),
                           sha256(n::text::bytea), sha256((n - 1)::text::bytea), sha256(('r' || n)::bytea)
                    FROM generate_series(1::bigint, ?::bigint) n""")
                    .params(START.toString(), rows, rows).update();
            jdbc.sql("ANALYZE audit_record").update();
            double fillSeconds = (System.nanoTime() - filling) / 1e9;

            var transactions = new DataSourceTransactionManager(scratch.dataSource());
            var signer = new CheckpointSigner(MasterKey.generate());
            var reads = new AuditReads(scratch.dataSource(), transactions, new AuditPruning(jdbc, transactions, signer),
                    signer, null); // searches only: no verification walk, so no event stream
            Random random = new Random(11);
            StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                    "%,d audit rows (filled in %.0f s); first page of 50, %d searches each, random values%n%n"
                            + "| search | median ms | p95 ms | max ms | rows on the page (median) |%n|---|---|---|---|---|%n",
                    rows, fillSeconds, RUNS));
            time(report, "actor", reads, i -> new AuditFilter("user:" + random.nextInt(10_000), null, null, null, null));
            time(report, "aggregate", reads, i -> new AuditFilter(null, "aggregate-" + random.nextInt(200_000), null, null, null));
            time(report, "event type", reads, i -> new AuditFilter(null, null, "dev.keel.api.Event" + random.nextInt(40), null, null));
            time(report, "one day", reads, i -> {
                Instant from = START.plusSeconds(86_400L * random.nextInt(364));
                return new AuditFilter(null, null, null, from, from.plusSeconds(86_400));
            });
            time(report, "actor + one week", reads, i -> {
                Instant from = START.plusSeconds(86_400L * random.nextInt(358));
                return new AuditFilter("user:" + random.nextInt(10_000), null, null, from, from.plusSeconds(7 * 86_400));
            });
            time(report, "event type + one hour", reads, i -> {
                Instant from = START.plusSeconds(3_600L * random.nextInt(8_700));
                return new AuditFilter(null, null, "dev.keel.api.Event" + random.nextInt(40), from, from.plusSeconds(3_600));
            });
            time(report, "actor + event type", reads, i -> new AuditFilter("user:" + random.nextInt(10_000), null,
                    "dev.keel.api.Event" + random.nextInt(40), null, null));
            Path out = Path.of("..", "target", "bench", "audit-search.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println(report);
        }
    }

    private static void time(StringBuilder report, String name, AuditReads reads, IntFunction<AuditFilter> filters) {
        reads.page(filters.apply(-1), 0, 50); // warm the plan and the cache once
        List<Double> millis = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            AuditFilter filter = filters.apply(i);
            long start = System.nanoTime();
            sizes.add(reads.page(filter, 0, 50).size());
            millis.add((System.nanoTime() - start) / 1e6);
        }
        millis.sort(null);
        sizes.sort(null);
        assertThat(millis).hasSize(RUNS);
        report.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %d |%n", name, millis.get(RUNS / 2),
                millis.get((int) (RUNS * 0.95)), millis.getLast(), sizes.get(RUNS / 2)));
    }
}
