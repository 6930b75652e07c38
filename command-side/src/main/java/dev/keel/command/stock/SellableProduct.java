package dev.keel.command.stock;

import dev.keel.api.catalog.ProductId;
import dev.keel.api.catalog.StockLevel;
import dev.keel.api.money.Money;

/**
 * A product as an order sees it at this moment.
 *
 * @param stock    units on hand not yet shipped, or {@code null} for unlimited
 * @param reserved units held by placed orders
 * @param sequence the stock level's sequence, one more with every change
 */
public record SellableProduct(ProductId productId,
                              String sku,
                              String name,
                              Money price,
                              Long stock,
                              long reserved,
                              boolean archived,
                              long sequence) {

    /** Units that can still be ordered, or {@code null} for unlimited. */
    public Long available() {
        return stock == null ? null : stock - reserved;
    }

    public boolean canSupply(long quantity) {
        return stock == null || stock - reserved >= quantity;
    }

    public StockLevel level() {
        return new StockLevel(productId, stock, available(), sequence);
    }
}
