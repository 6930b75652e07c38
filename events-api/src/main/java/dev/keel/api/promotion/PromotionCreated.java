package dev.keel.api.promotion;

import dev.keel.api.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A promotion was created; the fields mean what they mean in {@link CreatePromotion}. The code is
 * stored upper case. Uses are not events of the promotion: each order that uses it says so in its
 * {@code OrderPlaced}, and gives the use back in its {@code OrderCancelled}.
 */
@Revision("1")
public record PromotionCreated(PromotionId promotionId,
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
