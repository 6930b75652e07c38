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
import dev.keel.command.rejection.ExpectedVersion;
import dev.keel.command.stock.SellableProduct;
import dev.keel.command.stock.SellableProducts;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A product of the catalog. Its stock and reservations live in its {@code sellable_product} row,
 * which orders change too (docs/commerce.md): stock commands read and lock that row, never a copy
 * kept here.
 */
@Aggregate(cache = "productCache")
class Product {

    static final String SKU_SCOPE = "product-sku";

    @AggregateIdentifier
    private ProductId productId;
    private String sku;
    private String name;
    private Money price;
    private String category;
    private List<String> imageUrls;
    private boolean archived;

    Product() {
        // for Axon
    }

    @CommandHandler
    Product(CreateProduct command, UniqueClaims claims, SellableProducts sellable) {
        requireNotNegative(command.price());
        if (!claims.claim(SKU_SCOPE, command.sku().toUpperCase(Locale.ROOT), command.productId().toString())) {
            throw new CommandRejected(CommandRejected.Kind.CONFLICT, "sku-already-in-use",
                    "SKU " + command.sku() + " already belongs to another product");
        }
        sellable.add(command.productId(), command.sku(), command.name(), command.price(), command.stock());
        apply(new ProductCreated(command.productId(), command.sku(), command.name(), command.description(),
                command.price(), command.category(), command.imageUrls(),
                new StockLevel(command.productId(), command.stock(), command.stock(), 0)));
    }

    /** @return the product's version after the command */
    @CommandHandler
    long handle(ChangeProductPrice command, SellableProducts sellable) {
        requireChangeable(command.expectedVersion());
        requireNotNegative(command.price());
        if (!command.price().equals(price)) {
            row(sellable);
            sellable.reprice(productId, command.price());
            apply(new ProductPriceChanged(productId, command.price(), price));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(SetProductStock command, SellableProducts sellable) {
        requireChangeable(command.expectedVersion());
        SellableProduct row = row(sellable);
        if (!Objects.equals(row.stock(), command.stock())) {
            apply(new ProductStockSet(productId, sellable.setStock(productId, StockPolicy.set(row, command.stock()))));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(AdjustProductStock command, SellableProducts sellable) {
        requireChangeable(command.expectedVersion());
        SellableProduct row = row(sellable);
        StockLevel level = sellable.setStock(productId, StockPolicy.adjust(row, command.delta()));
        apply(new ProductStockAdjusted(productId, command.delta(), level));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ChangeProductCategory command) {
        requireChangeable(command.expectedVersion());
        if (!Objects.equals(category, command.category())) {
            apply(new ProductCategoryChanged(productId, command.category(), category));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ChangeProductImages command) {
        requireChangeable(command.expectedVersion());
        if (!imageUrls.equals(command.imageUrls())) {
            apply(new ProductImagesChanged(productId, command.imageUrls()));
        }
        return AggregateLifecycle.getVersion();
    }

    /** Archiving an archived product changes nothing. */
    @CommandHandler
    long handle(ArchiveProduct command, SellableProducts sellable) {
        ExpectedVersion.check(command.expectedVersion(), "Product " + productId);
        if (!archived) {
            row(sellable);
            sellable.archive(productId);
            apply(new ProductArchived(productId));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    void handle(RecordSaleTerms command, SellableProducts sellable) {
        row(sellable);
    }

    /** This product's row, locked; written first from this state if the product predates the table. */
    private SellableProduct row(SellableProducts sellable) {
        SellableProduct row = sellable.lock(List.of(productId)).get(productId);
        if (row != null) {
            return row;
        }
        sellable.add(productId, sku, name, price, null);
        if (archived) {
            sellable.archive(productId);
        }
        return sellable.lock(List.of(productId)).get(productId);
    }

    private void requireChangeable(Long expectedVersion) {
        ExpectedVersion.check(expectedVersion, "Product " + productId);
        if (archived) {
            throw new CommandRejected(CommandRejected.Kind.CONFLICT, "product-archived",
                    "Product " + productId + " is archived; it takes no further changes");
        }
    }

    @EventSourcingHandler
    void on(ProductCreated event) {
        productId = event.productId();
        sku = event.sku();
        name = event.name();
        price = event.price();
        category = event.category();
        imageUrls = event.imageUrls();
    }

    @EventSourcingHandler
    void on(ProductPriceChanged event) {
        price = event.price();
    }

    @EventSourcingHandler
    void on(ProductCategoryChanged event) {
        category = event.category();
    }

    @EventSourcingHandler
    void on(ProductImagesChanged event) {
        imageUrls = event.imageUrls();
    }

    @EventSourcingHandler
    void on(ProductArchived event) {
        archived = true;
    }

    private static void requireNotNegative(Money price) {
        if (price.belowZero()) {
            throw new CommandRejected(CommandRejected.Kind.INVALID, "negative-price",
                    "A price cannot be negative, got " + price);
        }
    }
}
