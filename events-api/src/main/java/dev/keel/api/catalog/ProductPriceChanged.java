package dev.keel.api.catalog;

import dev.keel.api.money.Money;
import org.axonframework.serialization.Revision;

/** A product's unit price changed from {@code previousPrice} to {@code price}. */
@Revision("1")
public record ProductPriceChanged(ProductId productId, Money price, Money previousPrice) {
}
