package dev.keel.api.catalog;

import org.axonframework.serialization.Revision;

/** A product is no longer sold. Its stock and reservations stay as they were. */
@Revision("1")
public record ProductArchived(ProductId productId) {
}
