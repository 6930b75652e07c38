package dev.keel.app.replay;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.Processors;
import dev.keel.testing.ReadModels;
import dev.keel.testing.ReplayProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Staff rebuild a read model through the API while Keel runs; side effects and the audit trail refuse. */
class ProjectionReplayIntegrationTest extends KeelIntegrationTest {

    @Autowired
    Processors processors;
    @Autowired
    ReadModels readModels;
    @Autowired
    ReplayProbe probe;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aReplayRunTwiceLeavesWhatTheFirstBuildLeft() {
        List<String> products = List.of(catalog.createProduct("Replayed via API one", 100),
                catalog.createProduct("Replayed via API two", 200));
        catalog.reprice(products.get(0), 0, 90);
        List<Long> positions = processors.positionsOf(products);
        processors.awaitHandled("product-table", positions);
        List<String> before = readModels.productRows(products);
        assertThat(before).hasSize(2);

        for (int run = 0; run < 2; run++) {
            Map<?, ?> accepted = web.post().uri("/v1/admin/projections/product-table/replay")
                    .headers(h -> h.setBearerAuth(tokens.staff()))
                    .exchange()
                    .expectStatus().isAccepted()
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(accepted.get("name")).isEqualTo("product-table");
            processors.awaitHandled("product-table", positions);
            await().atMost(Duration.ofSeconds(60)).until(() -> !processors.isReplaying("product-table"));
            assertThat(readModels.productRows(products)).as("after replay %s", run + 1).isEqualTo(before);
        }
        Map<?, ?> status = projection("product-table");
        assertThat(status.get("replaying")).isEqualTo(false);
        assertThat(status.get("error")).isNull();
        assertThat(((Number) status.get("position")).longValue()).isGreaterThanOrEqualTo(positions.getLast());
    }

    @Test
    void aReplayShowsItsRateAndTimeLeftWhileItRunsAndNeitherOnceItIsDone() {
        List<String> products = List.of(catalog.createProduct("Replay rate one", 100),
                catalog.createProduct("Replay rate two", 200), catalog.createProduct("Replay rate three", 300));
        processors.awaitHandled(ReplayProbe.GROUP, processors.positionsOf(products));
        Map<?, ?> idle = projection(ReplayProbe.GROUP);
        assertThat(idle.get("eventsPerSecond")).isNull();
        assertThat(idle.get("secondsLeft")).isNull();

        probe.hold();
        try {
            web.post().uri("/v1/admin/projections/{name}/replay", ReplayProbe.GROUP)
                    .headers(h -> h.setBearerAuth(tokens.staff()))
                    .exchange().expectStatus().isAccepted();
            long before = -1;
            for (int step = 0; step < 3; step++) {
                probe.let(2);
                long reached = before;
                Map<?, ?> status = await().atMost(Duration.ofSeconds(60))
                        .until(() -> projection(ReplayProbe.GROUP), s -> position(s) > reached);
                long position = position(status);
                long head = ((Number) status.get("head")).longValue();
                assertThat(status.get("replaying")).as("step %s", step).isEqualTo(true);
                assertThat(((Number) status.get("eventsPerSecond")).doubleValue()).as("step %s", step).isPositive();
                assertThat(head).isGreaterThan(position);
                assertThat(((Number) status.get("secondsLeft")).longValue()).as("step %s", step).isPositive();
                // read through the event store's API, as under Axon Server; checked here against its table
                assertThat(head).as("the store's head").isEqualTo(jdbc.sql("SELECT max(global_index) FROM"
                        + " domain_event_entry").query(Long.class).single());
                Instant oldest = Instant.parse(jdbc.sql("SELECT time_stamp FROM domain_event_entry WHERE global_index > ?"
                        + " ORDER BY global_index LIMIT 1").param(position).query(String.class).single());
                long age = Duration.between(oldest, Instant.now()).toSeconds();
                assertThat(((Number) status.get("lagSeconds")).longValue()).as("the oldest event not handled")
                        .isBetween(age - 5, age);
                before = position;
            }
        } finally {
            probe.open();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> !processors.isReplaying(ReplayProbe.GROUP));
        Map<?, ?> done = projection(ReplayProbe.GROUP);
        assertThat(done.get("replaying")).isEqualTo(false);
        assertThat(done.get("eventsPerSecond")).isNull();
        assertThat(done.get("secondsLeft")).isNull();
    }

    static long position(Map<?, ?> status) {
        return status.get("position") instanceof Number position ? position.longValue() : -1;
    }

    @Test
    void sideEffectsAndTheAuditTrailAreNeverReplayed() {
        for (String group : List.of("account-mail", "receipt-mail", "payment-process", "audit-trail")) {
            web.post().uri("/v1/admin/projections/{name}/replay", group)
                    .headers(h -> h.setBearerAuth(tokens.staff()))
                    .exchange()
                    .expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.type").value(type -> assertThat(type.toString()).endsWith("replay-not-allowed"));
            assertThat(projection(group).get("replayable")).isEqualTo(false);
            assertThat(projection(group).get("replaying")).isEqualTo(false);
        }
    }

    @Test
    void theListShowsPositionAndLagOfEveryProcessor() {
        String product = catalog.createProduct("Listed", 100);
        processors.awaitHandled("product-table", processors.positionsOf(List.of(product)));

        Map<?, ?> table = projection("product-table");

        assertThat(table.get("running")).isEqualTo(true);
        assertThat(table.get("replayable")).isEqualTo(true);
        assertThat(((Number) table.get("claimedSegments")).intValue()).isPositive();
        long head = ((Number) table.get("head")).longValue();
        long position = ((Number) table.get("position")).longValue();
        assertThat(((Number) table.get("lagEvents")).longValue()).isEqualTo(Math.max(0, head - position));
    }

    @Test
    void onlyStaffOperateProjectionsAndAnUnknownOneIsNotFound() {
        web.get().uri("/v1/admin/projections").headers(h -> h.setBearerAuth(tokens.customer())).exchange()
                .expectStatus().isForbidden();
        web.post().uri("/v1/admin/projections/product-table/replay").headers(h -> h.setBearerAuth(tokens.customer()))
                .exchange().expectStatus().isForbidden();
        web.post().uri("/v1/admin/projections/no-such-projection/replay").headers(h -> h.setBearerAuth(tokens.staff()))
                .exchange().expectStatus().isNotFound();
    }

    Map<?, ?> projection(String name) {
        List<Map> all = web.get().uri("/v1/admin/projections")
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .exchange()
                .expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody();
        return all.stream().filter(status -> name.equals(status.get("name"))).findFirst().orElseThrow();
    }
}
