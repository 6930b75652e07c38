package dev.keel.api.payment;

import dev.keel.api.account.AccountId;
import dev.keel.api.money.Money;
import dev.keel.api.order.OrderId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The authorized money was taken, when fulfilment started; from here on only a refund gives it back.
 * The customer's receipt is issued with it.
 *
 * @param receiptNumber the receipt's number, without gaps per year ({@code 2026-000042})
 */
@Revision("1")
public record PaymentCaptured(OrderId orderId, AccountId customerId, String paymentReference, Money amount,
                              String receiptNumber, Instant capturedAt) {
}
