package dev.keel.api.order;

import dev.keel.api.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Calls an order off. A customer may cancel their own order before fulfilment; STAFF any order
 * before delivery. Reserved stock goes back; goods already in fulfilment do not (see docs/commerce.md).
 *
 * @param requestedBy     the account asking; for {@link CancelledBy#CUSTOMER} it must be the order's
 *                        customer, or the order is answered as not found
 * @param by              in which capacity they ask
 * @param expectedVersion the order version the caller last saw, or {@code null} to skip the check
 */
public record CancelOrder(@TargetAggregateIdentifier OrderId orderId,
                          AccountId requestedBy,
                          CancelledBy by,
                          Long expectedVersion) {
}
