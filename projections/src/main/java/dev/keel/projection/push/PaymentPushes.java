package dev.keel.projection.push;

import dev.keel.api.account.AccountId;
import dev.keel.api.order.OrderId;
import dev.keel.api.payment.PaymentCaptured;
import dev.keel.api.payment.PaymentDeclined;
import dev.keel.api.payment.PaymentRefunded;
import dev.keel.api.payment.PaymentVoided;
import dev.keel.api.push.NotificationCategory;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Pushes the gateway's answers about an order's money to its customer (category {@code PAYMENT_RESULTS}):
 * a declined attempt, the capture with its receipt, a refund, a released authorization. The order's
 * approval itself is the status change {@code PAID} of {@link OrderPushes}. Same processing group, so
 * the same rules: exactly once per event and device, sequenced per order, parked when FCM keeps failing.
 */
@Component
@ProcessingGroup(OrderPushes.GROUP)
@DisallowReplay
class PaymentPushes {

    /** What the push says happened: {@code payment.<result>} is its text and its inbox kind. */
    enum Result { DECLINED, CAPTURED, REFUNDED, VOIDED }

    private final PushDelivery delivery;

    PaymentPushes(PushDelivery delivery) {
        this.delivery = delivery;
    }

    @EventHandler
    void on(PaymentDeclined event, EventMessage<?> message) {
        push(message, event.customerId(), event.orderId(), Result.DECLINED, Map.of("reason", event.reason()));
    }

    @EventHandler
    void on(PaymentCaptured event, EventMessage<?> message) {
        push(message, event.customerId(), event.orderId(), Result.CAPTURED,
                Map.of("receiptNumber", event.receiptNumber()), event.amount(), event.receiptNumber());
    }

    @EventHandler
    void on(PaymentRefunded event, EventMessage<?> message) {
        push(message, event.customerId(), event.orderId(), Result.REFUNDED, Map.of(), event.amount());
    }

    @EventHandler
    void on(PaymentVoided event, EventMessage<?> message) {
        push(message, event.customerId(), event.orderId(), Result.VOIDED, Map.of());
    }

    /** @param args the text's arguments after the order's number ({@code {1}}, {@code {2}}, ...) */
    private void push(EventMessage<?> message, AccountId customer, OrderId orderId, Result result,
                      Map<String, String> extra, Object... args) {
        String eventId = message.getIdentifier();
        Object[] all = new Object[args.length + 1];
        all[0] = PushTexts.orderNumber(orderId);
        System.arraycopy(args, 0, all, 1, args.length);
        Map<String, String> data = new HashMap<>(extra);
        data.put("category", NotificationCategory.PAYMENT_RESULTS.name());
        data.put("orderId", orderId.toString());
        data.put("result", result.name());
        delivery.deliver(eventId, customer, NotificationCategory.PAYMENT_RESULTS, device -> PushMessage.of(device,
                PushTexts.of("payment." + result, device.locale(), all), eventId, data));
    }
}
