package dev.keel.command.promotion;

import dev.keel.api.promotion.CreatePromotion;
import dev.keel.api.promotion.PromotionCreated;
import dev.keel.api.promotion.PromotionId;
import dev.keel.command.claim.UniqueClaims;
import dev.keel.command.rejection.CommandRejected;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Locale;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A promotion. Its terms never change once created; how often it was used is counted in its
 * {@code promotion_terms} row by the orders that use it, not here (docs/commerce.md).
 */
@Aggregate(cache = "promotionCache")
class Promotion {

    static final String CODE_SCOPE = "promotion-code";

    @AggregateIdentifier
    private PromotionId promotionId;

    Promotion() {
        // for Axon
    }

    @CommandHandler
    Promotion(CreatePromotion command, UniqueClaims claims, PromotionBook book) {
        TermsPolicy.check(command);
        String code = command.code() == null ? null : command.code().trim().toUpperCase(Locale.ROOT);
        if (code != null && !claims.claim(CODE_SCOPE, code, command.promotionId().toString())) {
            throw new CommandRejected(CommandRejected.Kind.CONFLICT, "promotion-code-in-use",
                    "Promotion code " + code + " belongs to another promotion");
        }
        book.add(new PromotionTerms(command.promotionId(), code, command.kind(), command.value(), command.currency(),
                command.validFrom(), command.validUntil(), command.minimumOrder(), command.perCustomerLimit(),
                command.totalLimit(), command.automatic()));
        apply(new PromotionCreated(command.promotionId(), code, command.kind(), command.value(), command.currency(),
                command.validFrom(), command.validUntil(), command.minimumOrder(), command.perCustomerLimit(),
                command.totalLimit(), command.automatic()));
    }

    @EventSourcingHandler
    void on(PromotionCreated event) {
        promotionId = event.promotionId();
    }
}
