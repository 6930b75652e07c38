package dev.keel.api.catalog;

import dev.keel.api.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Adds a product to the catalog. The SKU must be unique across the catalog.
 *
 * @param productId   the new product's id, chosen by the caller
 * @param sku         stock-keeping unit, unique
 * @param name        display name
 * @param description free text, may be empty
 * @param price       unit price, not negative
 * @param category    the category to list it under, or {@code null} for none
 * @param imageUrls   http(s) URLs of its pictures, first one first; may be empty
 * @param stock       units on hand, or {@code null} for unlimited
 */
public record CreateProduct(@TargetAggregateIdentifier ProductId productId,
                            String sku,
                            String name,
                            String description,
                            Money price,
                            String category,
                            List<String> imageUrls,
                            Long stock) {

    public CreateProduct {
        imageUrls = imageUrls == null ? List.of() : List.copyOf(imageUrls);
    }

    /** A product with no category, no pictures and unlimited stock, as the first catalog slice made them. */
    public CreateProduct(ProductId productId, String sku, String name, String description, Money price) {
        this(productId, sku, name, description, price, null, List.of(), null);
    }
}
