package dev.keel.command.order;

import dev.keel.api.catalog.ProductId;
import dev.keel.api.money.Money;
import dev.keel.api.order.BasketLine;
import dev.keel.api.order.OrderLine;
import dev.keel.api.order.OrderTotals;
import dev.keel.api.promotion.PromotionKind;
import dev.keel.command.promotion.PromotionTerms;
import dev.keel.command.stock.SellableProduct;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * The money of an order, in minor units. Line totals are exact; the discount (of a percentage) and
 * the tax are each rounded half up once per order, never per line (docs/commerce.md).
 */
final class PricingPolicy {

    private static final long PERCENT = 100;
    private static final long BASIS_POINTS = 10_000;

    private PricingPolicy() {
    }

    /** @param products every product of the basket, checked by {@link BasketPolicy} */
    static List<OrderLine> lines(List<BasketLine> basket, Map<ProductId, SellableProduct> products) {
        return basket.stream().map(line -> {
            SellableProduct product = products.get(line.productId());
            Money unit = product.price();
            return new OrderLine(line.productId(), product.sku(), product.name(), line.quantity(), unit,
                    new Money(Math.multiplyExact(unit.amountMinor(), line.quantity()), unit.currency()));
        }).toList();
    }

    static Money subtotal(List<OrderLine> lines) {
        Currency currency = lines.getFirst().unitPrice().currency();
        return new Money(lines.stream().mapToLong(line -> line.lineTotal().amountMinor()).reduce(0, Math::addExact),
                currency);
    }

    /** What {@code promotion} takes off {@code subtotal}: never more than the subtotal; zero without one. */
    static Money discount(PromotionTerms promotion, Money subtotal) {
        if (promotion == null) {
            return new Money(0, subtotal.currency());
        }
        long off = promotion.kind() == PromotionKind.PERCENT
                ? halfUp(subtotal.amountMinor(), promotion.value(), PERCENT)
                : promotion.value();
        return new Money(Math.min(off, subtotal.amountMinor()), subtotal.currency());
    }

    /** Tax on what is left after the discount, at {@code taxRateBasisPoints}, added on top. */
    static OrderTotals totals(Money subtotal, Money discount, int taxRateBasisPoints) {
        long taxable = subtotal.amountMinor() - discount.amountMinor();
        long tax = halfUp(taxable, taxRateBasisPoints, BASIS_POINTS);
        Currency currency = subtotal.currency();
        return new OrderTotals(subtotal, discount, new Money(tax, currency),
                new Money(Math.addExact(taxable, tax), currency));
    }

    /** {@code amount × numerator / denominator}, rounded half up; exact for any long amounts. */
    static long halfUp(long amount, long numerator, long denominator) {
        return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(numerator))
                .divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
