package dev.keel.api.order;

import dev.keel.api.account.AccountId;
import dev.keel.api.catalog.StockLevel;
import dev.keel.api.privacy.DataSubject;
import dev.keel.api.privacy.PersonalData;
import dev.keel.api.promotion.PromotionId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * An order was placed: priced, its stock reserved, its promotion's use recorded. Status
 * {@link OrderStatus#PLACED}, version 0.
 *
 * @param lines              the priced lines, in the order the customer listed them
 * @param promotionId        the promotion applied, or {@code null} for none
 * @param promotionCode      its code, upper case, or {@code null} (none, or an automatic one without a code)
 * @param taxCountry         the shipping country, which chose the tax rate (not personal data on its own)
 * @param taxRateBasisPoints the rate applied, in hundredths of a percent (1900 = 19%)
 * @param shippingAddress    personal data of {@code customerId}; reads as {@code null} once erased
 * @param stockLevels        each product's stock right after this order's reservation
 */
@Revision("1")
public record OrderPlaced(OrderId orderId,
                          @DataSubject AccountId customerId,
                          List<OrderLine> lines,
                          OrderTotals totals,
                          PromotionId promotionId,
                          String promotionCode,
                          String taxCountry,
                          int taxRateBasisPoints,
                          @PersonalData ShippingAddress shippingAddress,
                          List<StockLevel> stockLevels,
                          Instant placedAt) {

    public OrderPlaced {
        lines = List.copyOf(lines);
        stockLevels = List.copyOf(stockLevels);
    }
}
