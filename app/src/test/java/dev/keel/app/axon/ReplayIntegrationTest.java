package dev.keel.app.axon;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.Processors;
import dev.keel.testing.ReadModels;
import dev.keel.testing.Storefront;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Boot 4 pitfall 2: Jackson 3 refused to (de)serialize Axon's ReplayToken, so a reset stopped the
 * processor for good. Here a reset stores replay tokens and the replay runs to the end, and what it
 * rebuilds is what the events made the first time.
 */
class ReplayIntegrationTest extends KeelIntegrationTest {

    private static final String SEARCH = "product-search-v2";

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    Processors processors;
    @Autowired
    ReadModels readModels;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Storefront shop;

    @Test
    void resettingTheProductTableRebuildsTheSameRowsFromTheEventStore() {
        List<String> products = productsWithHistory("Replayed");
        List<Long> positions = processors.positionsOf(products);
        processors.awaitHandled("product-table", positions);
        List<String> before = readModels.productRows(products);
        List<String> stockAndChanges = readModels.productStockAndChangeRows(products);
        var processor = processing.eventProcessor("product-table", StreamingEventProcessor.class).orElseThrow();

        processor.shutDown();
        processor.resetTokens();
        assertThat(readModels.productRows(products)).as("the reset handler empties the table").isEmpty();
        assertThat(jdbc.sql("SELECT DISTINCT token_type FROM token_entry WHERE processor_name = ?")
                .param("product-table").query(String.class).list())
                .containsExactly("org.axonframework.eventhandling.ReplayToken");
        processor.start();

        processors.awaitHandled("product-table", positions);
        await().atMost(Duration.ofSeconds(60)).until(() -> !processor.isReplaying());
        assertThat(readModels.productRows(products)).isEqualTo(before);
        assertThat(readModels.productStockAndChangeRows(products)).isEqualTo(stockAndChanges);
        assertThat(processor.processingStatus().values()).noneMatch(EventTrackerStatus::isErrorState);
    }

    @Test
    void resettingTheOrderTableRebuildsTheSameOrdersAndLeavesItsChangeLogAsItWas() {
        var customer = identity.newCustomer();
        String product = shop.product("Replayed lamp", 1_000, null, null);
        String cancelled = (String) shop.place(customer.accessToken(), product, 1).get("orderId");
        shop.cancel(customer.accessToken(), cancelled);
        String open = (String) shop.place(customer.accessToken(), product, 2).get("orderId");
        List<String> orders = List.of(cancelled, open);
        List<Long> positions = processors.positionsOf(orders);
        processors.awaitHandled("order-table", positions);
        List<String> before = readModels.orderRows(orders);
        assertThat(before).hasSize(5);

        processors.replay("order-table");

        processors.awaitHandled("order-table", positions);
        await().atMost(Duration.ofSeconds(60)).until(() -> !processors.isReplaying("order-table"));
        assertThat(readModels.orderRows(orders)).isEqualTo(before);
    }

    @Test
    void resettingTheSearchIndexRebuildsTheSameDocuments() {
        String word = "rl" + UUID.randomUUID().toString().substring(0, 8);
        List<String> products = productsWithHistory("Replayed " + word);
        List<Long> positions = processors.positionsOf(products);
        processors.awaitHandled(SEARCH, positions);
        List<Map> before = readModels.searchDocuments(products);
        assertThat(before).hasSize(products.size());

        processors.replay(SEARCH);

        processors.awaitHandled(SEARCH, positions);
        await().atMost(Duration.ofSeconds(60)).until(() -> !processors.isReplaying(SEARCH));
        assertThat(readModels.searchDocuments(products)).isEqualTo(before);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                web.get().uri(uri -> uri.path("/v1/products").queryParam("q", word).build()).exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.total").isEqualTo(products.size()));
    }

    /** Three products; the first repriced twice, the second once, the third never. */
    private List<String> productsWithHistory(String name) {
        List<String> products = List.of(catalog.createProduct(name + " one", 100),
                catalog.createProduct(name + " two", 200), catalog.createProduct(name + " three", 300));
        catalog.reprice(products.get(0), 0, 90);
        catalog.reprice(products.get(0), 1, 80);
        catalog.reprice(products.get(1), 0, 190);
        return products;
    }
}
