package dev.keel.api.catalog;

import dev.keel.api.money.Money;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A product was added to the catalog.
 *
 * <p>Revision 2 added {@code category}, {@code imageUrls} and {@code stockLevel}. Events stored as
 * revision 1 are upcast on reading: no category, no images, unlimited stock at level sequence 0.
 *
 * @param category   the category it is listed under, or {@code null} for none
 * @param imageUrls  http(s) URLs of its pictures, first one first; never {@code null}
 * @param stockLevel its stock when created: {@code stock} and {@code available} equal, or both
 *                   {@code null} for unlimited; sequence 0
 */
@Revision("2")
public record ProductCreated(ProductId productId,
                             String sku,
                             String name,
                             String description,
                             Money price,
                             String category,
                             List<String> imageUrls,
                             StockLevel stockLevel) {

    public ProductCreated {
        imageUrls = imageUrls == null ? List.of() : List.copyOf(imageUrls);
    }
}
