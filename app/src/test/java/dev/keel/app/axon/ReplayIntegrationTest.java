package dev.keel.app.axon;

import dev.keel.app.KeelIntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Boot 4 pitfall 2: Jackson 3 refused to (de)serialize Axon's ReplayToken, so a reset stopped the
 * processor for good. Here a reset stores replay tokens and the replay runs to the end.
 */
class ReplayIntegrationTest extends KeelIntegrationTest {

    private static final String GROUP = "product-table";

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;

    @Test
    void resettingTheProductTableRebuildsItFromTheEventStore() {
        String first = catalog.createProduct("Replayed one", 100);
        String second = catalog.createProduct("Replayed two", 200);
        catalog.awaitProductVersion(second, 0);
        catalog.awaitProductVersion(first, 0);
        var processor = processing.eventProcessor(GROUP, StreamingEventProcessor.class).orElseThrow();

        processor.shutDown();
        processor.resetTokens();
        assertThat(productRows(first, second)).as("the reset handler empties the table").isZero();
        assertThat(jdbc.sql("SELECT DISTINCT token_type FROM token_entry WHERE processor_name = ?")
                .param(GROUP).query(String.class).list())
                .containsExactly("org.axonframework.eventhandling.ReplayToken");
        processor.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> !processor.processingStatus().isEmpty()
                && !processor.isReplaying()
                && processor.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp));
        assertThat(productRows(first, second)).isEqualTo(2);
        assertThat(processor.processingStatus().values()).noneMatch(EventTrackerStatus::isErrorState);
    }

    private long productRows(String... ids) {
        return jdbc.sql("SELECT count(*) FROM product WHERE product_id::text IN (:ids)")
                .param("ids", List.of(ids)).query(Long.class).single();
    }
}
