package dev.keel.command.request;

import dev.keel.api.money.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Money as clients send it.
 *
 * @param amountMinor amount in the currency's minor units (cents), an integer
 * @param currency    ISO 4217 code, upper case
 */
public record MoneyInput(
        @Schema(example = "1999") @NotNull @PositiveOrZero @Max(MAX_MINOR_UNITS) Long amountMinor,
        @Schema(example = "EUR") @NotNull @Pattern(regexp = "[A-Z]{3}") @CurrencyCode String currency) {

    /** Ten billion major units of a two-decimal currency: far beyond any price, far from overflow. */
    static final long MAX_MINOR_UNITS = 1_000_000_000_000L;

    public Money toMoney() {
        return Money.of(amountMinor, currency);
    }
}
