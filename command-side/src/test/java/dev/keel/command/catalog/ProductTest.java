package dev.keel.command.catalog;

import dev.keel.api.catalog.AdjustProductStock;
import dev.keel.api.catalog.ArchiveProduct;
import dev.keel.api.catalog.ChangeProductCategory;
import dev.keel.api.catalog.ChangeProductImages;
import dev.keel.api.catalog.ChangeProductPrice;
import dev.keel.api.catalog.CreateProduct;
import dev.keel.api.catalog.ProductArchived;
import dev.keel.api.catalog.ProductCategoryChanged;
import dev.keel.api.catalog.ProductCreated;
import dev.keel.api.catalog.ProductId;
import dev.keel.api.catalog.ProductImagesChanged;
import dev.keel.api.catalog.ProductPriceChanged;
import dev.keel.api.catalog.ProductStockAdjusted;
import dev.keel.api.catalog.ProductStockSet;
import dev.keel.api.catalog.SetProductStock;
import dev.keel.api.catalog.StockLevel;
import dev.keel.api.money.Money;
import dev.keel.command.claim.UniqueClaims;
import dev.keel.command.rejection.CommandRejected;
import dev.keel.command.stock.InMemorySellableProducts;
import dev.keel.command.stock.SellableProduct;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProductTest {

    private final ProductId productId = ProductId.random();
    private final Map<String, String> claimed = new HashMap<>();
    private final InMemorySellableProducts sellable = new InMemorySellableProducts();
    private AggregateTestFixture<Product> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
        UniqueClaims claims = (scope, value, owner) -> claimed.computeIfAbsent(scope + ":" + value, k -> owner).equals(owner);
        fixture.registerInjectableResource(claims);
        fixture.registerInjectableResource(sellable);
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
    void createsAProductWithCategoryPicturesAndCountedStockAndItsRowForOrders() {
        fixture.givenNoPriorActivity()
                .when(new CreateProduct(productId, "SKU-1", "Mug", "", Money.of(1_200, "EUR"), "kitchen",
                        List.of("https://img.example/mug.jpg"), 7L))
                .expectEvents(new ProductCreated(productId, "SKU-1", "Mug", "", Money.of(1_200, "EUR"), "kitchen",
                        List.of("https://img.example/mug.jpg"), new StockLevel(productId, 7L, 7L, 0)));
        assertThat(sellable.get(productId))
                .isEqualTo(new SellableProduct(productId, "SKU-1", "Mug", Money.of(1_200, "EUR"), 7L, 0, false, 0));
    }

    @Test
    void rejectsASkuThatAnotherProductHoldsIgnoringCase() {
        claimed.put(Product.SKU_SCOPE + ":SKU-1", ProductId.random().toString());
        fixture.givenNoPriorActivity()
                .when(new CreateProduct(productId, "sku-1", "Mug", "", Money.of(1_200, "EUR")))
                .expectException(CommandRejected.class)
                .expectExceptionMessage("SKU sku-1 already belongs to another product")
                .expectNoEvents();
        assertThat(sellable.get(productId)).isNull();
    }

    @Test
    void rejectsANegativePrice() {
        fixture.givenNoPriorActivity()
                .when(new CreateProduct(productId, "SKU-2", "Mug", "", Money.of(-1, "EUR")))
                .expectException(CommandRejected.class)
                .expectNoEvents();
    }

    @Test
    void changesThePriceOrdersPayAndAnswersTheNewVersion() {
        givenCreated(null, 0)
                .when(new ChangeProductPrice(productId, Money.of(999, "EUR"), 0L))
                .expectEvents(new ProductPriceChanged(productId, Money.of(999, "EUR"), Money.of(1_200, "EUR")))
                .expectResultMessagePayload(1L);
        assertThat(sellable.get(productId).price()).isEqualTo(Money.of(999, "EUR"));
    }

    @Test
    void settingTheSamePriceChangesNothing() {
        givenCreated(null, 0)
                .when(new ChangeProductPrice(productId, Money.of(1_200, "EUR"), null))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void rejectsAChangeAgainstAStaleVersionNamingTheCurrentOne() {
        row(null, 0);
        fixture.given(created(null), new ProductPriceChanged(productId, Money.of(1_100, "EUR"), Money.of(1_200, "EUR")))
                .when(new ChangeProductPrice(productId, Money.of(999, "EUR"), 0L))
                .expectException(CommandRejected.class)
                .expectExceptionMessage("Product " + productId + " is at version 1, not 0")
                .expectNoEvents();
    }

    @Test
    void settingTheStockCarriesWhatIsLeftAfterTheReservations() {
        givenCreated(10L, 3)
                .when(new SetProductStock(productId, 25L, 0L))
                .expectEvents(new ProductStockSet(productId, new StockLevel(productId, 25L, 22L, 1)))
                .expectResultMessagePayload(1L);
    }

    @Test
    void unlimitedStockIsSetWithNull() {
        givenCreated(10L, 3)
                .when(new SetProductStock(productId, null, null))
                .expectEvents(new ProductStockSet(productId, new StockLevel(productId, null, null, 1)));
    }

    @Test
    void rejectsAStockBelowTheUnitsOrdersHaveReserved() {
        givenCreated(10L, 3)
                .when(new SetProductStock(productId, 2L, null))
                .expectException(CommandRejected.class)
                .expectExceptionMessage("Product " + productId + " has 3 units reserved by placed orders; its stock"
                        + " cannot go down to 2")
                .expectNoEvents();
        assertThat(sellable.get(productId).stock()).isEqualTo(10L);
    }

    @Test
    void settingTheSameStockChangesNothing() {
        givenCreated(10L, 0)
                .when(new SetProductStock(productId, 10L, null))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void anAdjustmentAddsToTheStock() {
        givenCreated(10L, 4)
                .when(new AdjustProductStock(productId, -5, 0L))
                .expectEvents(new ProductStockAdjusted(productId, -5, new StockLevel(productId, 5L, 1L, 1)));
    }

    @Test
    void rejectsAnAdjustmentBelowTheReservedUnits() {
        givenCreated(10L, 4)
                .when(new AdjustProductStock(productId, -7, null))
                .expectException(CommandRejected.class)
                .expectExceptionMessage("Product " + productId + " has 4 units reserved by placed orders; its stock"
                        + " cannot go down to 3")
                .expectNoEvents();
    }

    @Test
    void rejectsAnAdjustmentOfUnlimitedStock() {
        givenCreated(null, 0)
                .when(new AdjustProductStock(productId, 5, null))
                .expectException(CommandRejected.class)
                .expectExceptionMessage("Product " + productId + " has unlimited stock; set a stock before adjusting it")
                .expectNoEvents();
    }

    @Test
    void rejectsAnAdjustmentOfNothing() {
        givenCreated(10L, 0)
                .when(new AdjustProductStock(productId, 0, null))
                .expectException(CommandRejected.class)
                .expectNoEvents();
    }

    @Test
    void changesTheCategoryNamingTheOldOne() {
        givenCreated(null, 0)
                .when(new ChangeProductCategory(productId, "outdoor", 0L))
                .expectEvents(new ProductCategoryChanged(productId, "outdoor", null))
                .expectResultMessagePayload(1L);
    }

    @Test
    void theSameCategoryChangesNothing() {
        row(null, 0);
        fixture.given(created(null), new ProductCategoryChanged(productId, "outdoor", null))
                .when(new ChangeProductCategory(productId, "outdoor", null))
                .expectNoEvents();
    }

    @Test
    void replacesThePictures() {
        givenCreated(null, 0)
                .when(new ChangeProductImages(productId, List.of("https://img.example/b.jpg"), null))
                .expectEvents(new ProductImagesChanged(productId, List.of("https://img.example/b.jpg")));
    }

    @Test
    void archivesAProductSoOrdersNoLongerBuyIt() {
        givenCreated(5L, 0)
                .when(new ArchiveProduct(productId, 0L))
                .expectEvents(new ProductArchived(productId));
        assertThat(sellable.get(productId).archived()).isTrue();
    }

    @Test
    void archivingAnArchivedProductChangesNothing() {
        row(5L, 0);
        fixture.given(created(5L), new ProductArchived(productId))
                .when(new ArchiveProduct(productId, null))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void anArchivedProductTakesNoFurtherChanges() {
        row(5L, 0);
        fixture.given(created(5L), new ProductArchived(productId))
                .when(new SetProductStock(productId, 9L, null))
                .expectException(CommandRejected.class)
                .expectExceptionMessage("Product " + productId + " is archived; it takes no further changes")
                .expectNoEvents();
    }

    @Test
    void aProductFromBeforeTheRowsGetsItsRowWithUnlimitedStock() {
        fixture.given(created(null))
                .when(new RecordSaleTerms(productId))
                .expectNoEvents();
        assertThat(sellable.get(productId))
                .isEqualTo(new SellableProduct(productId, "SKU-1", "Mug", Money.of(1_200, "EUR"), null, 0, false, 0));
    }

    @Test
    void aProductFromBeforeTheRowsCanBeCountedAtOnce() {
        fixture.given(created(null))
                .when(new SetProductStock(productId, 4L, null))
                .expectEvents(new ProductStockSet(productId, new StockLevel(productId, 4L, 4L, 1)));
    }

    /** The product as created with this stock, and its row as orders have left it. */
    private TestExecutor<Product> givenCreated(Long stock, long reserved) {
        row(stock, reserved);
        return fixture.given(created(stock));
    }

    private void row(Long stock, long reserved) {
        sellable.put(new SellableProduct(productId, "SKU-1", "Mug", Money.of(1_200, "EUR"), stock, reserved, false, 0));
    }

    private ProductCreated created(Long stock) {
        return new ProductCreated(productId, "SKU-1", "Mug", "", Money.of(1_200, "EUR"), null, List.of(),
                new StockLevel(productId, stock, stock, 0));
    }
}
