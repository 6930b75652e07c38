package dev.keel.api.money;

import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in the currency's minor units (cents for EUR, yen for JPY).
 *
 * <p>Serialized as {@code {"amountMinor": 1999, "currency": "EUR"}}.
 *
 * @param amountMinor the amount in minor units; may be negative (refunds, discounts)
 * @param currency    the ISO 4217 currency
 */
public record Money(long amountMinor, Currency currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    /**
     * @throws IllegalArgumentException if {@code currencyCode} is not an ISO 4217 code
     */
    public static Money of(long amountMinor, String currencyCode) {
        return new Money(amountMinor, Currency.getInstance(currencyCode));
    }

    public boolean belowZero() {
        return amountMinor < 0;
    }

    @Override
    public String toString() {
        return amountMinor + " " + currency.getCurrencyCode() + " (minor units)";
    }
}
