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
import dev.keel.command.rejection.ExpectedVersion;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Locale;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

@Aggregate(cache = "aggregateCache")
class Product {

    static final String SKU_SCOPE = "product-sku";

    @AggregateIdentifier
    private ProductId productId;
    private Money price;

    Product() {
        // for Axon
    }

    @CommandHandler
    Product(CreateProduct command, UniqueClaims claims) {
        requireNotNegative(command.price());
        if (!claims.claim(SKU_SCOPE, command.sku().toUpperCase(Locale.ROOT), command.productId().toString())) {
            throw new CommandRejected(CommandRejected.Kind.CONFLICT, "sku-already-in-use",
                    "SKU " + command.sku() + " already belongs to another product");
        }
        StockLevel level = command.stock() == null ? StockLevel.unlimited(command.productId(), 0)
                : new StockLevel(command.productId(), command.stock(), command.stock(), 0);
        apply(new ProductCreated(command.productId(), command.sku(), command.name(), command.description(),
                command.price(), command.category(), command.imageUrls(), level));
    }

    /** @return the product's version after the command */
    @CommandHandler
    long handle(ChangeProductPrice command) {
        ExpectedVersion.check(command.expectedVersion(), "Product " + productId);
        requireNotNegative(command.price());
        if (!command.price().equals(price)) {
            apply(new ProductPriceChanged(productId, command.price(), price));
        }
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(ProductCreated event) {
        productId = event.productId();
        price = event.price();
    }

    @EventSourcingHandler
    void on(ProductPriceChanged event) {
        price = event.price();
    }

    private static void requireNotNegative(Money price) {
        if (price.belowZero()) {
            throw new CommandRejected(CommandRejected.Kind.INVALID, "negative-price",
                    "A price cannot be negative, got " + price);
        }
    }
}
