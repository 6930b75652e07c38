package dev.keel.api.order;

import dev.keel.api.money.Money;

/**
 * An order's totals, all in the order's one currency, in minor units. Prices are net of tax, tax is
 * added: {@code total = subtotal − discount + tax}. The rounding rules are in docs/commerce.md:
 * discount and tax are each rounded once per order, half up.
 *
 * @param subtotal the sum of the line totals
 * @param discount what the promotion takes off the subtotal, never more than it; zero without one
 * @param tax      tax on {@code subtotal − discount} at the shipping country's rate
 * @param total    what the customer pays
 */
public record OrderTotals(Money subtotal, Money discount, Money tax, Money total) {
}
