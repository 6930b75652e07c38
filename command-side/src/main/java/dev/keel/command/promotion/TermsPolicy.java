package dev.keel.command.promotion;

import dev.keel.api.promotion.CreatePromotion;
import dev.keel.api.promotion.PromotionKind;
import dev.keel.command.rejection.CommandRejected;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Terms that make sense together: what single fields cannot say. Answered like a failed field
 * validation (400 {@code validation-failed}, each field named), since that is what it is.
 */
final class TermsPolicy {

    private TermsPolicy() {
    }

    static void check(CreatePromotion command) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (command.code() == null && !command.automatic()) {
            errors.add(error("code", "a promotion that is not automatic needs a code"));
        }
        if (command.value() < 1) {
            errors.add(error("value", "must be at least 1"));
        }
        if (command.kind() == PromotionKind.PERCENT && command.value() > 100) {
            errors.add(error("value", "a percentage is at most 100"));
        }
        if (command.kind() == PromotionKind.PERCENT && command.currency() != null) {
            errors.add(error("currency", "only an AMOUNT promotion has a currency"));
        }
        if (command.kind() == PromotionKind.AMOUNT && command.currency() == null) {
            errors.add(error("currency", "an AMOUNT promotion needs the currency of its value"));
        }
        if (command.kind() == PromotionKind.AMOUNT && command.currency() != null && command.minimumOrder() != null
                && !command.minimumOrder().currency().getCurrencyCode().equals(command.currency())) {
            errors.add(error("minimumOrder.currency", "must be the promotion's currency, " + command.currency()));
        }
        if (command.validFrom() != null && command.validUntil() != null
                && !command.validFrom().isBefore(command.validUntil())) {
            errors.add(error("validUntil", "must be after validFrom"));
        }
        if (!errors.isEmpty()) {
            throw new CommandRejected(CommandRejected.Kind.INVALID, "validation-failed", "Invalid field(s): "
                    + String.join(", ", errors.stream().map(e -> e.get("field")).distinct().toList()),
                    Map.of("errors", errors));
        }
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
