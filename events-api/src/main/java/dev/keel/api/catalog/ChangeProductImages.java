package dev.keel.api.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Replaces a product's pictures. Setting the ones it has changes nothing.
 *
 * @param imageUrls       http(s) URLs, first one first; may be empty
 * @param expectedVersion the product version the caller last saw, or {@code null} to skip the check
 */
public record ChangeProductImages(@TargetAggregateIdentifier ProductId productId,
                                  List<String> imageUrls,
                                  Long expectedVersion) {

    public ChangeProductImages {
        imageUrls = imageUrls == null ? List.of() : List.copyOf(imageUrls);
    }
}
