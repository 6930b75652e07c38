package dev.keel.projection.catalog;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import dev.keel.api.catalog.ProductCreated;
import dev.keel.api.catalog.ProductPriceChanged;
import dev.keel.projection.batch.BulkIndexer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;

/**
 * The product search index. Its own processing group: an Elasticsearch outage delays search, never
 * the product table. A product's events arrive in order (one segment per aggregate) and bulk keeps
 * that order, so a redelivered batch converges on the same documents.
 */
@Component
@ProcessingGroup("product-search")
class ProductSearchProjection {

    private final BulkIndexer bulk;
    private final ProductSearchIndexes indexes;

    ProductSearchProjection(BulkIndexer bulk, ProductSearchIndexes indexes) {
        this.bulk = bulk;
        this.indexes = indexes;
    }

    @EventHandler
    void on(ProductCreated event, @SequenceNumber long version, @Timestamp Instant at) {
        var document = new ProductDocument(event.productId(), event.sku(), event.name(), event.description(),
                event.price(), version, at, at);
        bulk.add(BulkOperation.of(op -> op.index(index -> index
                .index(ProductSearchIndexes.CURRENT)
                .id(event.productId().toString())
                .document(document))));
    }

    @EventHandler
    void on(ProductPriceChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        Map<String, Object> changes = Map.of("price", event.price(), "version", version, "updatedAt", at);
        bulk.add(BulkOperation.of(op -> op.update(update -> update
                .index(ProductSearchIndexes.CURRENT)
                .id(event.productId().toString())
                .action(action -> action.doc(changes)))));
    }

    @ResetHandler
    void onReset() {
        indexes.recreate();
    }
}
