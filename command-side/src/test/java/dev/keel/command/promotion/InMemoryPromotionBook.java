package dev.keel.command.promotion;

import dev.keel.api.account.AccountId;
import dev.keel.api.promotion.PromotionId;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Promotions and their uses in memory, for aggregate fixtures: the same limits as the tables. */
public class InMemoryPromotionBook implements PromotionBook {

    private final Map<PromotionId, PromotionTerms> terms = new HashMap<>();
    private final Map<PromotionId, Integer> used = new HashMap<>();
    private final Map<String, Integer> usedBy = new HashMap<>();

    @Override
    public void add(PromotionTerms promotion) {
        terms.put(promotion.promotionId(), promotion);
    }

    public int used(PromotionId promotionId) {
        return used.getOrDefault(promotionId, 0);
    }

    public int usedBy(PromotionId promotionId, AccountId customer) {
        return usedBy.getOrDefault(promotionId + "/" + customer, 0);
    }

    @Override
    public Optional<PromotionTerms> findByCode(String code) {
        String wanted = code.trim().toUpperCase(Locale.ROOT);
        return terms.values().stream().filter(t -> wanted.equals(t.code())).findFirst();
    }

    @Override
    public List<PromotionTerms> automaticAt(Instant at) {
        return terms.values().stream()
                .filter(PromotionTerms::automatic)
                .filter(t -> (t.validFrom() == null || !at.isBefore(t.validFrom()))
                        && (t.validUntil() == null || at.isBefore(t.validUntil())))
                .toList();
    }

    @Override
    public UseOutcome take(PromotionTerms promotion, AccountId customer) {
        UseOutcome outcome = check(promotion, customer);
        if (outcome == UseOutcome.TAKEN) {
            used.merge(promotion.promotionId(), 1, Integer::sum);
            usedBy.merge(promotion.promotionId() + "/" + customer, 1, Integer::sum);
        }
        return outcome;
    }

    @Override
    public UseOutcome check(PromotionTerms promotion, AccountId customer) {
        if (promotion.totalLimit() != null && used(promotion.promotionId()) >= promotion.totalLimit()) {
            return UseOutcome.USED_UP;
        }
        if (promotion.perCustomerLimit() != null
                && usedBy(promotion.promotionId(), customer) >= promotion.perCustomerLimit()) {
            return UseOutcome.CUSTOMER_LIMIT_REACHED;
        }
        return UseOutcome.TAKEN;
    }

    @Override
    public void giveBack(PromotionId promotionId, AccountId customer) {
        used.merge(promotionId, -1, Integer::sum);
        usedBy.merge(promotionId + "/" + customer, -1, Integer::sum);
    }
}
