package dev.keel.command.catalog;

import dev.keel.api.catalog.ProductId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Internal: writes a product's {@code sellable_product} row from its state if it has none (products
 * created before that table existed). Changes no event; sent by {@link SaleTermsBackfill}.
 */
record RecordSaleTerms(@TargetAggregateIdentifier ProductId productId) {
}
