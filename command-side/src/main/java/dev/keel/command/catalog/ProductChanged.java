package dev.keel.command.catalog;

import dev.keel.api.catalog.ProductId;

/** What a change did: the product and its version, for {@code If-Match} on the next change. */
record ProductChanged(ProductId productId, long version) {
}
