package dev.keel.api.payment;

import dev.keel.api.account.AccountId;
import dev.keel.api.money.Money;
import dev.keel.api.order.OrderId;
import org.axonframework.serialization.Revision;

/** The authorized money was taken, when fulfilment started; from here on only a refund gives it back. */
@Revision("1")
public record PaymentCaptured(OrderId orderId, AccountId customerId, String paymentReference, Money amount) {
}
