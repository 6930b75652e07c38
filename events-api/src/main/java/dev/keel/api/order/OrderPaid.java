package dev.keel.api.order;

import dev.keel.api.account.AccountId;
import org.axonframework.serialization.Revision;

/**
 * A placed order was paid. Sent by the payment process, never by a client.
 *
 * @param paymentReference the payment's id at the payment gateway
 */
@Revision("1")
public record OrderPaid(OrderId orderId, AccountId customerId, String paymentReference) {
}
