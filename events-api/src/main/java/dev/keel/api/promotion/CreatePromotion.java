package dev.keel.api.promotion;

import dev.keel.api.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * STAFF: a new promotion. A code promotion applies when an order names its code; an automatic one
 * applies to orders that name no code (the one that takes most off, when several could).
 *
 * @param code             what customers type, unique ignoring case; {@code null} only for an
 *                         automatic promotion
 * @param value            percent off (1-100) for {@link PromotionKind#PERCENT}, minor units off for
 *                         {@link PromotionKind#AMOUNT}
 * @param currency         ISO 4217 code of an AMOUNT promotion (orders in other currencies cannot use
 *                         it); {@code null} for PERCENT
 * @param validFrom        first moment it applies, or {@code null} for at once
 * @param validUntil       first moment it no longer applies, or {@code null} for no end
 * @param minimumOrder     the least subtotal it needs, or {@code null} for none
 * @param perCustomerLimit how many orders of one customer may use it, or {@code null} for no limit
 * @param totalLimit       how many orders may use it in all, or {@code null} for no limit
 */
public record CreatePromotion(@TargetAggregateIdentifier PromotionId promotionId,
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
