package dev.keel.api.payment;

import dev.keel.api.account.AccountId;
import dev.keel.api.order.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The customer pays a placed order with a token from the app's payment sheet (Keel never sees card
 * numbers). Starts an attempt; the payment process asks the gateway and the order turns PAID or the
 * attempt is declined.
 *
 * @param requestedBy        the account asking; anyone but the order's customer hears it does not exist
 * @param paymentMethodToken the gateway's token for the payment method
 */
public record PayOrder(@TargetAggregateIdentifier OrderId orderId, AccountId requestedBy, String paymentMethodToken) {
}
