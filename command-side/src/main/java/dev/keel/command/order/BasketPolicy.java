package dev.keel.command.order;

import dev.keel.api.catalog.ProductId;
import dev.keel.api.order.BasketLine;
import dev.keel.command.stock.SellableProduct;

import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Whether a basket can be sold as it stands: each product once, known, still sold, in one currency, in stock. */
final class BasketPolicy {

    private BasketPolicy() {
    }

    /** Before anything is read: the same product on two lines would reserve and price it twice. */
    static void requireDistinct(List<BasketLine> lines) {
        Set<ProductId> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!seen.add(lines.get(i).productId())) {
                throw OrderProblems.duplicateLine(i, lines.get(i).productId());
            }
        }
    }

    /** Checks the lines in the order the customer listed them, so the first problem named is the first line's. */
    static void requireSellable(List<BasketLine> lines, Map<ProductId, SellableProduct> products) {
        Currency currency = null;
        for (BasketLine line : lines) {
            SellableProduct product = products.get(line.productId());
            if (product == null) {
                throw OrderProblems.unknownProduct(line.productId());
            }
            if (product.archived()) {
                throw OrderProblems.archived(line.productId());
            }
            Currency own = product.price().currency();
            if (currency != null && !currency.equals(own)) {
                throw OrderProblems.mixedCurrencies(currency, own);
            }
            currency = own;
            if (!product.canSupply(line.quantity())) {
                throw OrderProblems.outOfStock(line.productId(), product.available(), line.quantity());
            }
        }
    }
}
