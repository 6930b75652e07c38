package dev.keel.command.order;

import dev.keel.api.account.AccountId;
import dev.keel.api.order.BasketLine;

import java.time.Instant;
import java.util.List;

/**
 * Prices a basket as {@code PlaceOrder} would, changing nothing. Sent through the command bus so that
 * it reads the rows in a transaction, as a placement does, and is refused in the same words.
 */
record QuoteOrder(AccountId customerId, List<BasketLine> lines, String promotionCode, String country, Instant at) {
}
