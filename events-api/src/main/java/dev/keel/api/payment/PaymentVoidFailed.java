package dev.keel.api.payment;

import dev.keel.api.account.AccountId;
import dev.keel.api.order.OrderId;
import org.axonframework.serialization.Revision;

/**
 * The gateway refused for good to void the authorization of a cancelled order (it no longer holds
 * it as authorized); the payment process stops. STAFF check the payment at the gateway.
 *
 * @param reason the gateway's reason
 */
@Revision("1")
public record PaymentVoidFailed(OrderId orderId, AccountId customerId, String paymentReference, String reason) {
}
