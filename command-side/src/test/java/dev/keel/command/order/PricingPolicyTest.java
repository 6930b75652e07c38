package dev.keel.command.order;

import dev.keel.api.money.Money;
import dev.keel.api.order.OrderTotals;
import dev.keel.api.promotion.PromotionId;
import dev.keel.api.promotion.PromotionKind;
import dev.keel.command.promotion.PromotionTerms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The rounding rules of docs/commerce.md, at their edges. */
class PricingPolicyTest {

    @ParameterizedTest(name = "{1}% of {0} is {2}")
    @CsvSource({
            "5, 10, 1",      // 0.5 rounds up
            "4, 10, 0",      // 0.4 rounds down
            "15, 10, 2",     // 1.5 rounds up
            "1999, 15, 300", // 299.85
            "1, 50, 1",      // 0.5 of the smallest unit rounds up
            "1000, 100, 1000"})
    void aPercentageDiscountIsRoundedHalfUpOnMinorUnits(long subtotal, long percent, long discount) {
        assertThat(PricingPolicy.discount(promotion(PromotionKind.PERCENT, percent), eur(subtotal))).isEqualTo(eur(discount));
    }

    @Test
    void anAmountDiscountNeverTakesOffMoreThanTheSubtotal() {
        assertThat(PricingPolicy.discount(promotion(PromotionKind.AMOUNT, 5_000), eur(1_200))).isEqualTo(eur(1_200));
        assertThat(PricingPolicy.discount(promotion(PromotionKind.AMOUNT, 500), eur(1_200))).isEqualTo(eur(500));
    }

    @Test
    void noPromotionTakesNothingOff() {
        assertThat(PricingPolicy.discount(null, eur(1_200))).isEqualTo(eur(0));
    }

    @ParameterizedTest(name = "{1} basis points on {0} is {2}")
    @CsvSource({
            "50, 1900, 10",   // 9.5 rounds up
            "1, 1900, 0",     // 0.19
            "3, 1900, 1",     // 0.57
            "999, 810, 81",   // 80.919 at 8.1%
            "0, 1900, 0"})
    void taxIsRoundedHalfUpOnMinorUnits(long taxable, int basisPoints, long tax) {
        assertThat(PricingPolicy.totals(eur(taxable), eur(0), basisPoints).tax()).isEqualTo(eur(tax));
    }

    @Test
    void taxIsRoundedOncePerOrderNotPerLine() {
        // three lines of 1 cent: per line 0.19 + 0.19 + 0.19 would round to 0; the order's 0.57 rounds to 1
        assertThat(PricingPolicy.totals(eur(3), eur(0), 1_900).tax()).isEqualTo(eur(1));
    }

    @Test
    void taxIsOnWhatIsLeftAfterTheDiscountAndTheTotalAddsItOn() {
        assertThat(PricingPolicy.totals(eur(10_000), eur(1_000), 1_900))
                .isEqualTo(new OrderTotals(eur(10_000), eur(1_000), eur(1_710), eur(10_710)));
    }

    @Test
    void aFullDiscountLeavesNothingToPayAndNoTax() {
        assertThat(PricingPolicy.totals(eur(1_200), eur(1_200), 1_900))
                .isEqualTo(new OrderTotals(eur(1_200), eur(1_200), eur(0), eur(0)));
    }

    @Test
    void aCurrencyWithoutMinorUnitsRoundsTheSameWay() {
        Money yen = Money.of(1_005, "JPY");
        assertThat(PricingPolicy.totals(yen, Money.of(0, "JPY"), 1_000).tax()).isEqualTo(Money.of(101, "JPY"));
    }

    @Test
    void largeAmountsAreExact() {
        long subtotal = 100_000_000_000_000L;
        assertThat(PricingPolicy.totals(eur(subtotal), eur(0), 1_999).tax()).isEqualTo(eur(19_990_000_000_000L));
        assertThat(PricingPolicy.halfUp(Long.MAX_VALUE / 2, 2, 2)).isEqualTo(Long.MAX_VALUE / 2);
    }

    private static PromotionTerms promotion(PromotionKind kind, long value) {
        return new PromotionTerms(PromotionId.random(), "CODE", kind, value, kind == PromotionKind.AMOUNT ? "EUR" : null,
                null, null, null, null, null, false);
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }
}
