package dev.keel.projection.catalog;

import dev.keel.api.catalog.ProductArchived;
import dev.keel.api.catalog.ProductCategoryChanged;
import dev.keel.api.catalog.ProductCreated;
import dev.keel.api.catalog.ProductId;
import dev.keel.api.catalog.ProductImagesChanged;
import dev.keel.api.catalog.ProductPriceChanged;
import dev.keel.api.catalog.ProductStockAdjusted;
import dev.keel.api.catalog.ProductStockSet;
import dev.keel.api.catalog.StockLevel;
import dev.keel.api.order.OrderCancelled;
import dev.keel.api.order.OrderFulfilmentStarted;
import dev.keel.api.order.OrderPlaced;
import dev.keel.projection.batch.MergedDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The product search index. Its own processing group, so an Elasticsearch outage delays search,
 * never the product table; named after the index version it fills, so a new mapping gets a new
 * processor that builds the new index from the first event while readers keep the old one
 * ({@link ProductSearchIndexes}). Documents are merged ({@link MergedDocuments}): a product's own
 * events and the stock levels its orders carry arrive on different segments, in any order.
 */
@Component
@ProcessingGroup(ProductSearchProjection.GROUP)
class ProductSearchProjection {

    static final String GROUP = "product-search-v2";

    private static final MergedDocuments.Kind<ProductDocument> PRODUCTS = new MergedDocuments.Kind<>(
            ProductSearchIndexes.CURRENT, ProductDocument.class, ProductDocument::absent);

    private final MergedDocuments documents;
    private final ProductSearchIndexes indexes;

    ProductSearchProjection(MergedDocuments documents, ProductSearchIndexes indexes) {
        this.documents = documents;
        this.indexes = indexes;
    }

    @EventHandler
    void on(ProductCreated event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.productId(), product -> product.created(event, version, at));
    }

    @EventHandler
    void on(ProductPriceChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.productId(), product -> product.repriced(event.price(), version, at));
    }

    @EventHandler
    void on(ProductCategoryChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.productId(), product -> product.recategorized(event.category(), version, at));
    }

    @EventHandler
    void on(ProductImagesChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.productId(), product -> product.pictured(event.imageUrls(), version, at));
    }

    @EventHandler
    void on(ProductArchived event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.productId(), product -> product.archivedAt(version, at));
    }

    @EventHandler
    void on(ProductStockSet event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.productId(), product -> product.touched(version, at).withLevel(event.stockLevel()));
    }

    @EventHandler
    void on(ProductStockAdjusted event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.productId(), product -> product.touched(version, at).withLevel(event.stockLevel()));
    }

    @EventHandler
    void on(OrderPlaced event) {
        levels(event.stockLevels());
    }

    @EventHandler
    void on(OrderFulfilmentStarted event) {
        levels(event.stockLevels());
    }

    @EventHandler
    void on(OrderCancelled event) {
        levels(event.stockLevels());
    }

    @ResetHandler
    void onReset() {
        indexes.recreate();
    }

    private void levels(List<StockLevel> levels) {
        levels.forEach(level -> change(level.productId(), product -> product.withLevel(level)));
    }

    private void change(ProductId productId, UnaryOperator<ProductDocument> change) {
        documents.merge(PRODUCTS, productId.toString(), change);
    }
}
