package dev.keel.command.order;

import dev.keel.api.catalog.ProductId;
import dev.keel.api.money.Money;
import dev.keel.api.order.OrderId;
import dev.keel.command.rejection.CommandRejected;

import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.keel.command.rejection.CommandRejected.Kind.CONFLICT;
import static dev.keel.command.rejection.CommandRejected.Kind.INVALID;
import static dev.keel.command.rejection.CommandRejected.Kind.NOT_FOUND;
import static dev.keel.command.rejection.CommandRejected.Kind.UNPROCESSABLE;

/** Why an order cannot be placed or changed, as the problem types clients switch on. */
final class OrderProblems {

    private OrderProblems() {
    }

    /** Worded as for an id that exists nowhere, so another customer's order is not revealed. */
    static CommandRejected notFound(OrderId orderId) {
        return new CommandRejected(NOT_FOUND, "not-found", "Nothing exists with id " + orderId);
    }

    static CommandRejected unknownProduct(ProductId productId) {
        return new CommandRejected(UNPROCESSABLE, "unknown-product", "There is no product " + productId,
                Map.of("productId", productId.toString()));
    }

    static CommandRejected archived(ProductId productId) {
        return new CommandRejected(CONFLICT, "product-archived", "Product " + productId + " is no longer sold",
                Map.of("productId", productId.toString()));
    }

    static CommandRejected outOfStock(ProductId productId, Long available, long requested) {
        return new CommandRejected(CONFLICT, "out-of-stock", "Only " + available + " of product " + productId
                + " can be ordered now; the order asks for " + requested,
                Map.of("productId", productId.toString(), "available", available, "requested", requested));
    }

    static CommandRejected duplicateLine(int line, ProductId productId) {
        return new CommandRejected(INVALID, "validation-failed", "Invalid field(s): lines[" + line + "].productId",
                Map.of("errors", List.of(Map.of("field", "lines[" + line + "].productId",
                        "message", "product " + productId + " is on an earlier line; order it once with the sum"))));
    }

    static CommandRejected mixedCurrencies(Currency one, Currency other) {
        return new CommandRejected(UNPROCESSABLE, "mixed-currencies", "One order is paid in one currency; this one"
                + " mixes " + one.getCurrencyCode() + " and " + other.getCurrencyCode(),
                Map.of("currencies", List.of(one.getCurrencyCode(), other.getCurrencyCode())));
    }

    static CommandRejected unsupportedCountry(String country) {
        return new CommandRejected(UNPROCESSABLE, "unsupported-country", "Keel does not ship to " + country
                + ": no tax rate is configured for it", Map.of("country", country));
    }

    static CommandRejected unknownCode(String code) {
        return new CommandRejected(UNPROCESSABLE, "unknown-promotion-code", "There is no promotion with code " + code,
                Map.of("promotionCode", code));
    }

    static CommandRejected notYetValid(String code, Instant from) {
        return promotion(UNPROCESSABLE, "promotion-not-yet-valid", "Promotion " + code + " starts at " + from, code,
                "validFrom", from.toString());
    }

    static CommandRejected expired(String code, Instant until) {
        return promotion(UNPROCESSABLE, "promotion-expired", "Promotion " + code + " ended at " + until, code,
                "validUntil", until.toString());
    }

    static CommandRejected minimumNotMet(String code, Money minimum, Money subtotal) {
        return promotion(UNPROCESSABLE, "promotion-minimum-not-met", "Promotion " + code + " needs a subtotal of at"
                + " least " + minimum.amountMinor() + " " + minimum.currency().getCurrencyCode() + "; this order's is "
                + subtotal.amountMinor(), code, "minimumOrder", minimum);
    }

    static CommandRejected usedUp(String code) {
        return promotion(CONFLICT, "promotion-used-up", "Promotion " + code + " has been used as often as it may be",
                code, null, null);
    }

    static CommandRejected limitReached(String code, Integer limit) {
        return promotion(CONFLICT, "promotion-limit-reached", "You have used promotion " + code + " " + limit
                + " time(s), as often as one customer may", code, "perCustomerLimit", limit);
    }

    private static CommandRejected promotion(CommandRejected.Kind kind, String type, String message, String code,
                                             String key, Object value) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("promotionCode", code);
        if (key != null) {
            properties.put(key, value);
        }
        return new CommandRejected(kind, type, message, properties);
    }
}
