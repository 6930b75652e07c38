package dev.keel.query.catalog;

import dev.keel.api.catalog.ProductId;
import dev.keel.api.catalog.ProductView;
import dev.keel.api.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Products as the PostgreSQL read model has them: the product row and its stock level. */
@Component
public class ProductReadModel {

    private static final String SELECT = """
            SELECT p.product_id, p.sku, p.name, p.description, p.price_minor, p.currency, p.category, p.image_urls,
                   p.archived, p.version, p.created_at, p.updated_at, s.stock, s.available
            FROM product p LEFT JOIN product_stock s ON s.product_id = p.product_id
            """;

    private final JdbcClient jdbc;

    ProductReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ProductView> find(ProductId productId) {
        return jdbc.sql(SELECT + "WHERE p.product_id = ?").param(productId.value()).query(ProductReadModel::view)
                .optional();
    }

    /** The products of these ids that exist, archived ones included, in no particular order. */
    public List<ProductView> all(Collection<UUID> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + "WHERE p.product_id IN (:ids)").param("ids", List.copyOf(productIds))
                .query(ProductReadModel::view).list();
    }

    private static ProductView view(ResultSet row, int n) throws SQLException {
        return new ProductView(
                new ProductId(row.getObject("product_id", UUID.class)),
                row.getString("sku"),
                row.getString("name"),
                row.getString("description"),
                Money.of(row.getLong("price_minor"), row.getString("currency")),
                row.getString("category"),
                strings(row.getArray("image_urls")),
                row.getObject("stock", Long.class),
                row.getObject("available", Long.class),
                row.getBoolean("archived"),
                row.getLong("version"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
