package dev.keel.api.payment;

import dev.keel.api.account.AccountId;
import dev.keel.api.order.OrderId;
import org.axonframework.serialization.Revision;

/** An authorization was released without taking money: its order was cancelled before capture. */
@Revision("1")
public record PaymentVoided(OrderId orderId, AccountId customerId, String paymentReference) {
}
