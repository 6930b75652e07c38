package dev.keel.command.stock;

import dev.keel.api.catalog.ProductId;
import dev.keel.api.catalog.StockLevel;
import dev.keel.api.money.Money;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of products for sale. Every method runs in the command's transaction, so a command that
 * fails or a batch that does not commit leaves them as they were. Changes of stock or reservations
 * answer the resulting level, one sequence further on.
 */
public interface SellableProducts {

    /** Products that hold a SKU but have no row: created before the rows existed. */
    List<ProductId> productsWithoutRow(String skuScope);

    /** A new product's row: nothing reserved, sequence 0. */
    void add(ProductId productId, String sku, String name, Money price, Long stock);

    /**
     * Locks these products' rows until the transaction ends, in product-id order (so two commands
     * that lock overlapping sets never wait on each other in opposite orders).
     *
     * @return the rows found; an unknown id is absent
     */
    Map<ProductId, SellableProduct> lock(Collection<ProductId> productIds);

    /** The rows as last committed (or changed by this transaction), without locking: for quotes. */
    Map<ProductId, SellableProduct> find(Collection<ProductId> productIds);

    void reprice(ProductId productId, Money price);

    void archive(ProductId productId);

    /** Sets the units on hand ({@code null}: unlimited); the caller has checked it against the reservations. */
    StockLevel setStock(ProductId productId, Long stock);

    /**
     * Holds {@code quantity} units for an order if that many are available.
     *
     * @return the level after, or empty when fewer are available
     */
    Optional<StockLevel> reserve(ProductId productId, long quantity);

    /** Gives back units an order held. */
    StockLevel release(ProductId productId, long quantity);

    /** Units an order held leave stock for good: stock and reservation both drop. */
    StockLevel ship(ProductId productId, long quantity);
}
