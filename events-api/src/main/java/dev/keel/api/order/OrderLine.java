package dev.keel.api.order;

import dev.keel.api.catalog.ProductId;
import dev.keel.api.money.Money;

/**
 * A priced line of an order, as the catalog stood when it was placed: SKU, name and unit price are
 * copied, so later catalog changes leave the order as it was.
 *
 * @param lineTotal {@code unitPrice × quantity}, exact in minor units
 */
public record OrderLine(ProductId productId,
                        String sku,
                        String name,
                        int quantity,
                        Money unitPrice,
                        Money lineTotal) {
}
