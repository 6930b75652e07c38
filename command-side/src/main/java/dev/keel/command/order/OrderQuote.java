package dev.keel.command.order;

import dev.keel.api.order.OrderLine;
import dev.keel.api.order.OrderTotals;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What an order would cost if placed now. Nothing is reserved or used: placing may still be refused
 * if someone else takes the last items or uses of the code in between.
 *
 * @param promotionCode      the code applied, or {@code null} (none, or an automatic promotion without one)
 * @param taxRateBasisPoints the shipping country's rate in hundredths of a percent (1900 = 19%)
 */
record OrderQuote(List<OrderLine> lines, OrderTotals totals, @Nullable String promotionCode, String taxCountry,
                  int taxRateBasisPoints) {

    static OrderQuote of(PricedOrder priced) {
        return new OrderQuote(priced.lines(), priced.totals(),
                priced.promotion() == null ? null : priced.promotion().code(), priced.taxCountry(),
                priced.taxRateBasisPoints());
    }
}
