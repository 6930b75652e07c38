package dev.keel.command.catalog;

import dev.keel.api.catalog.ProductId;
import dev.keel.api.metadata.MetadataKeys;
import dev.keel.command.stock.SellableProducts;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Products created before {@code sellable_product} existed have no row, so no order could buy them.
 * At start-up each command node asks each such product to write its row from its own state (through
 * the bus, so it runs in order with the product's other commands). Several nodes doing it at once
 * is harmless: a product writes its row only when it has none.
 */
@Component
class SaleTermsBackfill {

    private static final Logger log = LoggerFactory.getLogger(SaleTermsBackfill.class);
    private static final MetaData SYSTEM = MetaData.with(MetadataKeys.ACTOR, "system:sale-terms-backfill");

    private final SellableProducts sellable;
    private final CommandGateway commands;

    SaleTermsBackfill(SellableProducts sellable, CommandGateway commands) {
        this.sellable = sellable;
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        int written = backfill();
        if (written > 0) {
            log.info("Wrote the sellable_product rows of {} products created before them", written);
        }
    }

    /** @return how many products got their row */
    int backfill() {
        List<ProductId> missing = sellable.productsWithoutRow(Product.SKU_SCOPE);
        var sent = missing.stream()
                .map(id -> commands.send(new RecordSaleTerms(id), SYSTEM).exceptionally(failure -> {
                    log.warn("Product {} got no sellable_product row; orders for it are refused until the"
                            + " next start", id, failure);
                    return null;
                }))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(sent).join();
        return missing.size();
    }
}
