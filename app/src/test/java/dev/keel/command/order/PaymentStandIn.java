package dev.keel.command.order;

import dev.keel.api.order.OrderId;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.UUID;

/**
 * What the payment process (a later issue) will do: mark an order paid. No endpoint sends that
 * command, so tests that need a paid order send it here, in its package.
 */
public final class PaymentStandIn {

    private PaymentStandIn() {
    }

    public static void pay(CommandGateway gateway, String orderId) {
        gateway.sendAndWait(new MarkOrderPaid(OrderId.of(orderId), "test-payment-" + UUID.randomUUID()));
    }
}
