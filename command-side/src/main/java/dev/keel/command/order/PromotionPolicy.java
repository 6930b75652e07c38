package dev.keel.command.order;

import dev.keel.api.money.Money;
import dev.keel.command.promotion.PromotionTerms;
import dev.keel.command.rejection.CommandRejected;

import java.time.Instant;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** Whether a promotion applies to an order now, and which automatic one an order gets. */
final class PromotionPolicy {

    private PromotionPolicy() {
    }

    /** @return why {@code terms} cannot apply to an order with this subtotal at {@code at}, or empty if it can */
    static Optional<CommandRejected> refusal(PromotionTerms terms, Instant at, Money subtotal) {
        String name = terms.code() == null ? "(automatic)" : terms.code();
        if (terms.validFrom() != null && at.isBefore(terms.validFrom())) {
            return Optional.of(OrderProblems.notYetValid(name, terms.validFrom()));
        }
        if (terms.validUntil() != null && !at.isBefore(terms.validUntil())) {
            return Optional.of(OrderProblems.expired(name, terms.validUntil()));
        }
        if (terms.currency() != null && !terms.currency().equals(subtotal.currency().getCurrencyCode())) {
            return Optional.of(OrderProblems.mixedCurrencies(subtotal.currency(),
                    Currency.getInstance(terms.currency())));
        }
        Money minimum = terms.minimumOrder();
        if (minimum != null && !minimum.currency().equals(subtotal.currency())) {
            return Optional.of(OrderProblems.mixedCurrencies(subtotal.currency(), minimum.currency()));
        }
        if (minimum != null && subtotal.amountMinor() < minimum.amountMinor()) {
            return Optional.of(OrderProblems.minimumNotMet(name, minimum, subtotal));
        }
        return Optional.empty();
    }

    /**
     * The automatic promotions that could apply, best first: most off this subtotal, then the one
     * valid earliest, then the smallest id, so every node picks the same one.
     */
    static List<PromotionTerms> automaticCandidates(List<PromotionTerms> automatic, Instant at, Money subtotal) {
        Comparator<PromotionTerms> mostOff = Comparator.comparingLong(
                terms -> -PricingPolicy.discount(terms, subtotal).amountMinor());
        return automatic.stream()
                .filter(terms -> refusal(terms, at, subtotal).isEmpty())
                .sorted(mostOff
                        .thenComparing(PromotionTerms::validFrom, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(terms -> terms.promotionId().value()))
                .toList();
    }
}
