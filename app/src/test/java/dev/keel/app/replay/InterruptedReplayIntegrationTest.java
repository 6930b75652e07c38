package dev.keel.app.replay;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.Processors;
import dev.keel.testing.ReadModels;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A replay started through the API, cut off midway by stopping its processor (as a node shut down
 * during a replay is) and started again, resumes from its stored tokens and leaves exactly what an
 * uninterrupted replay leaves: the same PostgreSQL rows, the same Elasticsearch documents, each read
 * from its store directly.
 */
class InterruptedReplayIntegrationTest extends KeelIntegrationTest {

    private static final List<String> GROUPS = List.of("product-table", "product-search-v2");
    private static final int ATTEMPTS = 5;

    @Autowired
    Processors processors;
    @Autowired
    ReadModels readModels;

    @Test
    void aReplayInterruptedAndResumedLeavesWhatAnUninterruptedOneLeaves() {
        List<String> products = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String product = catalog.createProduct("Interrupted replay " + i, 100 + i);
            catalog.reprice(product, 0, 90 + i);
            products.add(product);
        }
        List<Long> positions = processors.positionsOf(products);
        GROUPS.forEach(group -> processors.awaitHandled(group, positions));

        GROUPS.forEach(group -> replay(group, positions));
        List<String> rows = readModels.productRows(products);
        List<Map> documents = readModels.searchDocuments(products);
        assertThat(rows).hasSize(products.size());
        assertThat(documents).hasSize(products.size());

        for (String group : GROUPS) {
            boolean interrupted = false;
            for (int attempt = 0; attempt < ATTEMPTS && !interrupted; attempt++) {
                accepted(group);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                        .until(() -> processors.isReplaying(group) && processors.position(group) >= 0);
                interrupted = processors.shutDownMidReplay(group);
                processors.start(group);
                awaitDone(group, positions);
            }
            assertThat(interrupted).as("%s was stopped while it still replayed, in one of %s tries", group, ATTEMPTS)
                    .isTrue();
        }

        assertThat(readModels.productRows(products)).as("the table").isEqualTo(rows);
        assertThat(readModels.searchDocuments(products)).as("the index").isEqualTo(documents);
    }

    void replay(String group, List<Long> positions) {
        accepted(group);
        awaitDone(group, positions);
    }

    void accepted(String group) {
        web.post().uri("/v1/admin/projections/{name}/replay", group)
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .exchange()
                .expectStatus().isAccepted();
    }

    void awaitDone(String group, List<Long> positions) {
        processors.awaitHandled(group, positions);
        await().atMost(Duration.ofSeconds(60)).until(() -> !processors.isReplaying(group));
    }
}
