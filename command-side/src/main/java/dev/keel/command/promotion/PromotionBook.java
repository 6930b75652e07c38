package dev.keel.command.promotion;

import dev.keel.api.account.AccountId;
import dev.keel.api.promotion.PromotionId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Promotions' terms and how often each was used, in all and per customer. Every method runs in the
 * command's transaction: a use taken by an order that then fails or never commits is not counted.
 */
public interface PromotionBook {

    void add(PromotionTerms terms);

    /** @param code any case */
    Optional<PromotionTerms> findByCode(String code);

    /** The automatic promotions whose window holds {@code at}. */
    List<PromotionTerms> automaticAt(Instant at);

    /**
     * Counts one use if both limits allow it, holding the promotion's row until the transaction ends,
     * so concurrent orders never use it more often than its limits say.
     */
    UseOutcome take(PromotionTerms terms, AccountId customer);

    /** What {@link #take} would answer now, changing nothing: for quotes. */
    UseOutcome check(PromotionTerms terms, AccountId customer);

    /** Uncounts a use: its order was cancelled. */
    void giveBack(PromotionId promotionId, AccountId customer);
}
