package dev.keel.app.catalog;

import dev.keel.api.account.AccountId;
import dev.keel.api.catalog.ProductCreated;
import dev.keel.api.catalog.ProductId;
import dev.keel.api.catalog.ProductStockAdjusted;
import dev.keel.api.catalog.StockLevel;
import dev.keel.api.money.Money;
import dev.keel.api.order.OrderId;
import dev.keel.api.order.OrderLine;
import dev.keel.api.order.OrderPlaced;
import dev.keel.api.order.OrderTotals;
import dev.keel.api.order.ShippingAddress;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.CatalogFixtures;
import dev.keel.testing.Storefront;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Products' stock and facts as clients read them. Stock changes come from the product and from its
 * orders, which the projections may see in any order: the level with the highest sequence wins in
 * the table and in the search index alike.
 */
class StockReadIntegrationTest extends KeelIntegrationTest {

    @Autowired
    Storefront shop;
    @Autowired
    EventStore events;

    @Test
    void aProductShowsItsCategoryPicturesStockAndWhatOrdersLeaveAvailable() {
        String word = "st" + UUID.randomUUID().toString().substring(0, 8);
        String productId = shop.product("Stocked " + word, 1_200, "Kitchen", 10L);
        var customer = identity.newCustomer();

        shop.place(customer.accessToken(), productId, 3);
        shop.adjustStock(productId, 5);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> web.get().uri("/v1/products/{id}", productId)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.category").isEqualTo("Kitchen")
                .jsonPath("$.imageUrls[0]").value(url -> assertThat((String) url).startsWith("https://images.example/"))
                .jsonPath("$.stock").isEqualTo(15)
                .jsonPath("$.available").isEqualTo(12)
                .jsonPath("$.archived").isEqualTo(false));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(item(word))
                .containsEntry("category", "Kitchen").containsEntry("stock", 15).containsEntry("available", 12));
    }

    @Test
    void theNewestLevelWinsWhenAnOrdersEventIsSeenBeforeAnOlderLevelOfTheProduct() {
        String word = "oo" + UUID.randomUUID().toString().substring(0, 8);
        ProductId product = ProductId.random();
        publish(product.toString(), 0, created(product, word, new StockLevel(product, 10L, 10L, 0)));
        // Level 2 (an order reserving 3 after a delivery of 5) is stored before level 1 (the delivery).
        OrderId order = OrderId.random();
        publish(order.toString(), 0, placed(order, product, new StockLevel(product, 15L, 12L, 2)));
        publish(product.toString(), 1, new ProductStockAdjusted(product, 5, new StockLevel(product, 15L, 15L, 1)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(view(product))
                .containsEntry("version", 1).containsEntry("stock", 15).containsEntry("available", 12));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(item(word))
                .containsEntry("version", 1).containsEntry("stock", 15).containsEntry("available", 12));
    }

    @Test
    void anOrdersLevelSeenBeforeTheProductExistsIsKeptWhenItArrives() {
        String word = "ob" + UUID.randomUUID().toString().substring(0, 8);
        ProductId product = ProductId.random();
        OrderId order = OrderId.random();
        publish(order.toString(), 0, placed(order, product, new StockLevel(product, 4L, 0L, 1)));
        publish(product.toString(), 0, created(product, word, new StockLevel(product, 4L, 4L, 0)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(view(product))
                .containsEntry("stock", 4).containsEntry("available", 0));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(item(word))
                .containsEntry("available", 0));
        assertThat(shop.search(Map.of("q", word, "inStock", true)).get("total")).isEqualTo(0);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> view(ProductId product) {
        var result = web.get().uri("/v1/products/{id}", product).exchange().returnResult(Map.class);
        return result.getStatus().is2xxSuccessful() ? result.getResponseBody().blockFirst() : Map.of();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> item(String word) {
        List<?> items = (List<?>) shop.search(Map.of("q", word)).get("items");
        return items.isEmpty() ? Map.of() : (Map<String, Object>) items.getFirst();
    }

    private void publish(String aggregateId, long sequence, Object event) {
        events.publish(new GenericDomainEventMessage<>(event.getClass().getSimpleName(), aggregateId, sequence, event));
    }

    private static ProductCreated created(ProductId product, String word, StockLevel level) {
        return new ProductCreated(product, CatalogFixtures.uniqueSku(), "Ordered " + word, "", Money.of(1_000, "EUR"),
                null, List.of(), level);
    }

    private static OrderPlaced placed(OrderId order, ProductId product, StockLevel level) {
        Money price = Money.of(1_000, "EUR");
        Money zero = Money.of(0, "EUR");
        return new OrderPlaced(order, AccountId.random(),
                List.of(new OrderLine(product, "SKU", "Ordered", 1, price, price)),
                new OrderTotals(price, zero, Money.of(190, "EUR"), Money.of(1_190, "EUR")), null, null, "DE", 1_900,
                new ShippingAddress("Ada", "Street 1", null, "10115", "Berlin", "DE"), List.of(level), Instant.now());
    }
}
