package dev.keel.api.catalog;

import dev.keel.api.money.Money;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A product as the catalog read model holds it.
 *
 * @param category  the category it is listed under, or {@code null} for none
 * @param imageUrls http(s) URLs of its pictures, first one first; never {@code null}
 * @param stock     units on hand not yet shipped, or {@code null} for unlimited
 * @param available units that can still be ordered, or {@code null} for unlimited: the
 *                  {@link StockLevel} with the highest sequence seen for it
 * @param archived  no longer sold; kept so that old orders and links still show it
 * @param version   the product's last event sequence number; send it back as {@code If-Match}
 */
public record ProductView(ProductId productId,
                          String sku,
                          String name,
                          String description,
                          Money price,
                          @Nullable String category,
                          List<String> imageUrls,
                          @Nullable Long stock,
                          @Nullable Long available,
                          boolean archived,
                          long version,
                          Instant createdAt,
                          Instant updatedAt) {

    public ProductView {
        imageUrls = imageUrls == null ? List.of() : List.copyOf(imageUrls);
    }
}
