package dev.keel.command.catalog;

import dev.keel.api.catalog.ChangeProductPrice;
import dev.keel.api.catalog.CreateProduct;
import dev.keel.api.catalog.ProductCreated;
import dev.keel.api.catalog.ProductId;
import dev.keel.api.catalog.ProductPriceChanged;
import dev.keel.api.catalog.StockLevel;
import dev.keel.api.money.Money;
import dev.keel.command.claim.UniqueClaims;
import dev.keel.command.rejection.CommandRejected;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProductTest {

    private final ProductId productId = ProductId.random();
    private final Map<String, String> claimed = new HashMap<>();
    private AggregateTestFixture<Product> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
        UniqueClaims claims = (scope, value, owner) -> claimed.computeIfAbsent(scope + ":" + value, k -> owner).equals(owner);
        fixture.registerInjectableResource(claims);
    }

    @Test
    void createsAProduct() {
        fixture.givenNoPriorActivity()
                .when(new CreateProduct(productId, "SKU-1", "Mug", "Blue", Money.of(1_200, "EUR")))
                .expectEvents(new ProductCreated(productId, "SKU-1", "Mug", "Blue", Money.of(1_200, "EUR"), null, List.of(),
                        StockLevel.unlimited(productId, 0)));
        assertThat(claimed).containsEntry(Product.SKU_SCOPE + ":SKU-1", productId.toString());
    }

    @Test
    void rejectsASkuThatAnotherProductHoldsIgnoringCase() {
        claimed.put(Product.SKU_SCOPE + ":SKU-1", ProductId.random().toString());
        fixture.givenNoPriorActivity()
                .when(new CreateProduct(productId, "sku-1", "Mug", "", Money.of(1_200, "EUR")))
                .expectException(CommandRejected.class)
                .expectExceptionMessage("SKU sku-1 already belongs to another product")
                .expectNoEvents();
    }

    @Test
    void rejectsANegativePrice() {
        fixture.givenNoPriorActivity()
                .when(new CreateProduct(productId, "SKU-2", "Mug", "", Money.of(-1, "EUR")))
                .expectException(CommandRejected.class)
                .expectNoEvents();
    }

    @Test
    void changesThePriceAndAnswersTheNewVersion() {
        fixture.given(created(1_200))
                .when(new ChangeProductPrice(productId, Money.of(999, "EUR"), 0L))
                .expectEvents(new ProductPriceChanged(productId, Money.of(999, "EUR"), Money.of(1_200, "EUR")))
                .expectResultMessagePayload(1L);
    }

    @Test
    void settingTheSamePriceChangesNothing() {
        fixture.given(created(1_200))
                .when(new ChangeProductPrice(productId, Money.of(1_200, "EUR"), null))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void rejectsAChangeAgainstAStaleVersionNamingTheCurrentOne() {
        fixture.given(created(1_200), new ProductPriceChanged(productId, Money.of(1_100, "EUR"), Money.of(1_200, "EUR")))
                .when(new ChangeProductPrice(productId, Money.of(999, "EUR"), 0L))
                .expectException(CommandRejected.class)
                .expectExceptionMessage("Product " + productId + " is at version 1, not 0")
                .expectNoEvents();
    }

    private ProductCreated created(long priceMinor) {
        return new ProductCreated(productId, "SKU-1", "Mug", "", Money.of(priceMinor, "EUR"), null, List.of(),
                StockLevel.unlimited(productId, 0));
    }
}
