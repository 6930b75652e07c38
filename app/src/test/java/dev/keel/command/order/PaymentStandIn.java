package dev.keel.command.order;

import dev.keel.api.order.OrderId;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.UUID;

/**
 * Marks an order paid the way the payment process does once the gateway approves, without a payment
 * attempt: for tests that need a paid order and are not about paying (those pay through
 * {@code POST /v1/orders/{id}/payments} with a sandbox token). No endpoint sends this command, so it
 * is sent here, in its package.
 */
public final class PaymentStandIn {

    private PaymentStandIn() {
    }

    public static void pay(CommandGateway gateway, String orderId) {
        gateway.sendAndWait(new MarkOrderPaid(OrderId.of(orderId), "test-payment-" + UUID.randomUUID()));
    }
}
