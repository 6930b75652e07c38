package dev.keel.command.stock;

import dev.keel.api.catalog.ProductId;
import dev.keel.api.catalog.StockLevel;
import dev.keel.api.money.Money;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rows of products for sale, in memory, for aggregate fixtures: the same rules as the table. */
public class InMemorySellableProducts implements SellableProducts {

    private final Map<ProductId, SellableProduct> rows = new HashMap<>();

    public void put(SellableProduct product) {
        rows.put(product.productId(), product);
    }

    public SellableProduct get(ProductId productId) {
        return rows.get(productId);
    }

    @Override
    public List<ProductId> productsWithoutRow(String skuScope) {
        return new ArrayList<>();
    }

    @Override
    public void add(ProductId productId, String sku, String name, Money price, Long stock) {
        if (rows.putIfAbsent(productId, new SellableProduct(productId, sku, name, price, stock, 0, false, 0)) != null) {
            throw new IllegalStateException("duplicate key: " + productId);
        }
    }

    @Override
    public Map<ProductId, SellableProduct> lock(Collection<ProductId> productIds) {
        return find(productIds);
    }

    @Override
    public Map<ProductId, SellableProduct> find(Collection<ProductId> productIds) {
        Map<ProductId, SellableProduct> found = new LinkedHashMap<>();
        productIds.stream().filter(rows::containsKey).forEach(id -> found.put(id, rows.get(id)));
        return found;
    }

    @Override
    public void reprice(ProductId productId, Money price) {
        var row = rows.get(productId);
        put(new SellableProduct(productId, row.sku(), row.name(), price, row.stock(), row.reserved(), row.archived(),
                row.sequence()));
    }

    @Override
    public void archive(ProductId productId) {
        var row = rows.get(productId);
        put(new SellableProduct(productId, row.sku(), row.name(), row.price(), row.stock(), row.reserved(), true,
                row.sequence()));
    }

    @Override
    public StockLevel setStock(ProductId productId, Long stock) {
        return change(productId, stock, rows.get(productId).reserved());
    }

    @Override
    public Optional<StockLevel> reserve(ProductId productId, long quantity) {
        var row = rows.get(productId);
        return row.canSupply(quantity) ? Optional.of(change(productId, row.stock(), row.reserved() + quantity))
                : Optional.empty();
    }

    @Override
    public StockLevel release(ProductId productId, long quantity) {
        var row = rows.get(productId);
        return change(productId, row.stock(), row.reserved() - quantity);
    }

    @Override
    public StockLevel ship(ProductId productId, long quantity) {
        var row = rows.get(productId);
        return change(productId, row.stock() == null ? null : row.stock() - quantity, row.reserved() - quantity);
    }

    private StockLevel change(ProductId productId, Long stock, long reserved) {
        var row = rows.get(productId);
        if (reserved < 0 || (stock != null && (stock < 0 || reserved > stock))) {
            throw new IllegalStateException("check constraint violated: stock " + stock + ", reserved " + reserved);
        }
        var changed = new SellableProduct(productId, row.sku(), row.name(), row.price(), stock, reserved,
                row.archived(), row.sequence() + 1);
        put(changed);
        return changed.level();
    }
}
