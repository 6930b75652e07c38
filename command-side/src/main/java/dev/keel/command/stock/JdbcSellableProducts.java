package dev.keel.command.stock;

import dev.keel.api.catalog.ProductId;
import dev.keel.api.catalog.StockLevel;
import dev.keel.api.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Component
class JdbcSellableProducts implements SellableProducts {

    private static final String COLUMNS = "product_id, sku, name, price_minor, currency, stock, reserved, archived, level_sequence";
    private static final String LEVEL = " RETURNING product_id, stock, reserved, level_sequence";

    private final JdbcClient jdbc;

    JdbcSellableProducts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ProductId> productsWithoutRow(String skuScope) {
        return jdbc.sql("""
                        SELECT c.owner_id FROM unique_claim c
                        WHERE c.scope = ? AND NOT EXISTS
                            (SELECT 1 FROM sellable_product p WHERE p.product_id::text = c.owner_id)""")
                .param(skuScope)
                .query(String.class).list().stream().map(ProductId::of).toList();
    }

    @Override
    public void add(ProductId productId, String sku, String name, Money price, Long stock) {
        jdbc.sql("""
                        INSERT INTO sellable_product (product_id, sku, name, price_minor, currency, stock)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(productId.value(), sku, name, price.amountMinor(), price.currency().getCurrencyCode(), stock)
                .update();
    }

    @Override
    public Map<ProductId, SellableProduct> lock(Collection<ProductId> productIds) {
        return select("SELECT " + COLUMNS + " FROM sellable_product WHERE product_id IN (:ids)"
                + " ORDER BY product_id FOR UPDATE", productIds);
    }

    @Override
    public Map<ProductId, SellableProduct> find(Collection<ProductId> productIds) {
        return select("SELECT " + COLUMNS + " FROM sellable_product WHERE product_id IN (:ids)", productIds);
    }

    @Override
    public void reprice(ProductId productId, Money price) {
        jdbc.sql("UPDATE sellable_product SET price_minor = ?, currency = ? WHERE product_id = ?")
                .params(price.amountMinor(), price.currency().getCurrencyCode(), productId.value())
                .update();
    }

    @Override
    public void archive(ProductId productId) {
        jdbc.sql("UPDATE sellable_product SET archived = true WHERE product_id = ?").param(productId.value()).update();
    }

    @Override
    public StockLevel setStock(ProductId productId, Long stock) {
        return level(jdbc.sql("UPDATE sellable_product SET stock = ?, level_sequence = level_sequence + 1"
                        + " WHERE product_id = ?" + LEVEL)
                .params(stock, productId.value()))
                .orElseThrow(() -> missing(productId));
    }

    @Override
    public Optional<StockLevel> reserve(ProductId productId, long quantity) {
        return level(jdbc.sql("""
                        UPDATE sellable_product SET reserved = reserved + ?, level_sequence = level_sequence + 1
                        WHERE product_id = ? AND (stock IS NULL OR stock - reserved >= ?)""" + LEVEL)
                .params(quantity, productId.value(), quantity));
    }

    @Override
    public StockLevel release(ProductId productId, long quantity) {
        return level(jdbc.sql("UPDATE sellable_product SET reserved = reserved - ?, level_sequence = level_sequence + 1"
                        + " WHERE product_id = ?" + LEVEL)
                .params(quantity, productId.value()))
                .orElseThrow(() -> missing(productId));
    }

    @Override
    public StockLevel ship(ProductId productId, long quantity) {
        return level(jdbc.sql("""
                        UPDATE sellable_product SET stock = stock - ?, reserved = reserved - ?,
                               level_sequence = level_sequence + 1
                        WHERE product_id = ?""" + LEVEL)
                .params(quantity, quantity, productId.value()))
                .orElseThrow(() -> missing(productId));
    }

    private Map<ProductId, SellableProduct> select(String sql, Collection<ProductId> productIds) {
        if (productIds.isEmpty()) {
            return Map.of();
        }
        List<UUID> ids = productIds.stream().map(ProductId::value).toList();
        Map<ProductId, SellableProduct> found = new LinkedHashMap<>();
        jdbc.sql(sql).param("ids", ids).query(JdbcSellableProducts::product).list()
                .forEach(product -> found.put(product.productId(), product));
        return found;
    }

    private static Optional<StockLevel> level(JdbcClient.StatementSpec update) {
        return update.query((row, n) -> {
            Long stock = nullableLong(row, "stock");
            return new StockLevel(new ProductId(row.getObject("product_id", UUID.class)), stock,
                    stock == null ? null : stock - row.getLong("reserved"), row.getLong("level_sequence"));
        }).optional();
    }

    private static SellableProduct product(ResultSet row, int n) throws SQLException {
        return new SellableProduct(new ProductId(row.getObject("product_id", UUID.class)), row.getString("sku"),
                row.getString("name"), Money.of(row.getLong("price_minor"), row.getString("currency")),
                nullableLong(row, "stock"), row.getLong("reserved"), row.getBoolean("archived"),
                row.getLong("level_sequence"));
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static IllegalStateException missing(ProductId productId) {
        return new IllegalStateException("Product " + productId + " has no sellable_product row");
    }
}
