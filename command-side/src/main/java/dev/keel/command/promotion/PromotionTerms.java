package dev.keel.command.promotion;

import dev.keel.api.money.Money;
import dev.keel.api.promotion.PromotionId;
import dev.keel.api.promotion.PromotionKind;

import java.time.Instant;

/**
 * A promotion's terms as orders read them. The fields mean what they mean in
 * {@link dev.keel.api.promotion.CreatePromotion}; {@code code} is upper case.
 */
public record PromotionTerms(PromotionId promotionId,
                             String code,
                             PromotionKind kind,
                             long value,
                             String currency,
                             Instant validFrom,
                             Instant validUntil,
                             Money minimumOrder,
                             Integer perCustomerLimit,
                             Integer totalLimit,
                             boolean automatic) {
}
