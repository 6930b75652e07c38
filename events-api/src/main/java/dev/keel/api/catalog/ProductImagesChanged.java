package dev.keel.api.catalog;

import org.axonframework.serialization.Revision;

import java.util.List;

/** A product's pictures were replaced by {@code imageUrls} (first one first; may be empty). */
@Revision("1")
public record ProductImagesChanged(ProductId productId, List<String> imageUrls) {

    public ProductImagesChanged {
        imageUrls = imageUrls == null ? List.of() : List.copyOf(imageUrls);
    }
}
