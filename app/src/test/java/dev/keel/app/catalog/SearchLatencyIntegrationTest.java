package dev.keel.app.catalog;

import dev.keel.api.catalog.ProductCreated;
import dev.keel.api.catalog.ProductId;
import dev.keel.api.catalog.StockLevel;
import dev.keel.api.money.Money;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.CatalogFixtures;
import dev.keel.testing.Storefront;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Catalog searches over a few thousand products, timed through HTTP one after the other: words with
 * facets, a category filter sorted by price, in stock sorted by newest, a second page by cursor, and
 * autocomplete. The log line gives the figures of docs/commerce.md; the test asserts what a user
 * would notice (every product found), never a time. {@code -Dkeel.latency.products=3000} and
 * {@code -Dkeel.latency.searches=500} measure more.
 */
class SearchLatencyIntegrationTest extends KeelIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(SearchLatencyIntegrationTest.class);
    private static final int WARM_UP = 20;
    private static final int CATEGORIES = 12;

    @Autowired
    EventStore events;
    @Autowired
    Storefront shop;

    @Test
    void searchesOverAFewThousandProductsFindThemAll() {
        int products = Integer.getInteger("keel.latency.products", 300);
        int searches = Integer.getInteger("keel.latency.searches", 40);
        String word = "lat" + UUID.randomUUID().toString().replace("-", "").substring(0, 9);
        catalogOf(products, word);
        Map<?, ?> everything = shop.awaitSearch(Map.of("q", word), products);
        String cursor = (String) everything.get("nextCursor");

        List<Supplier<Map<?, ?>>> kinds = List.of(
                () -> shop.search(Map.of("q", word)),
                () -> shop.search(Map.of("q", word, "category", word + "-3", "sort", "price")),
                () -> shop.search(Map.of("q", word, "inStock", true, "sort", "newest")),
                () -> shop.search(Map.of("q", word, "cursor", cursor)),
                () -> web.get().uri(uri -> uri.path("/v1/products/suggestions").queryParam("prefix", word.substring(0, 6))
                        .build()).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < WARM_UP + searches; i++) {
            long start = System.nanoTime();
            Map<?, ?> answer = kinds.get(i % kinds.size()).get();
            long took = (System.nanoTime() - start) / 1_000;
            assertThat(answer).isNotEmpty();
            if (i >= WARM_UP) {
                micros.add(took);
            }
        }

        assertThat(((Map<?, ?>) everything.get("facets")).get("categories")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(CATEGORIES);
        micros.sort(null);
        log.info("Catalog search over {} products, {} searches one after the other after {} to warm up (words with "
                        + "facets, category by price, in stock by newest, second page, suggestions): p50 {} ms, p95 {} ms,"
                        + " max {} ms", products, searches, WARM_UP, millis(micros, 0.50), millis(micros, 0.95),
                millis(micros, 1.0));
    }

    /** Products created as events in one append: the index is what is measured, not how it was filled. */
    private void catalogOf(int count, String word) {
        List<EventMessage<?>> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ProductId id = ProductId.random();
            Long stock = i % 3 == 0 ? null : (long) (i % 7);
            var event = new ProductCreated(id, CatalogFixtures.uniqueSku(), "Item " + word + " " + i,
                    "A product among many, number " + i, Money.of(100 + (i * 37L) % 30_000, "EUR"),
                    word + "-" + (i % CATEGORIES), List.of(), new StockLevel(id, stock, stock, 0));
            created.add(new GenericDomainEventMessage<>("ProductCreated", id.toString(), 0, event));
        }
        events.publish(created);
    }

    private static double millis(List<Long> sortedMicros, double quantile) {
        int index = Math.max(0, (int) Math.ceil(quantile * sortedMicros.size()) - 1);
        return sortedMicros.get(index) / 1_000.0;
    }
}
