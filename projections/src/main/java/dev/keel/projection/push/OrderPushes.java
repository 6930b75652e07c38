package dev.keel.projection.push;

import dev.keel.api.account.AccountErased;
import dev.keel.api.account.AccountId;
import dev.keel.api.money.Money;
import dev.keel.api.order.OrderCancelled;
import dev.keel.api.order.OrderDelivered;
import dev.keel.api.order.OrderFulfilmentStarted;
import dev.keel.api.order.OrderId;
import dev.keel.api.order.OrderPaid;
import dev.keel.api.order.OrderPlaced;
import dev.keel.api.order.OrderStatus;
import dev.keel.api.push.NotificationCategory;
import dev.keel.projection.erasure.PersonalReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

/**
 * Pushes an order's status changes to its customer's devices (category {@code ORDER_UPDATES}). A
 * side effect: never replayed, one event per batch, and failures end in the dead-letter queue
 * ({@link PushDelivery}). Payment results are {@link PaymentPushes}, in the same processing group.
 */
@Component
@ProcessingGroup(OrderPushes.GROUP)
@DisallowReplay
class OrderPushes implements PersonalReadModel {

    static final String GROUP = "push";

    private final PushDelivery delivery;
    private final SentPushes sent;

    OrderPushes(PushDelivery delivery, SentPushes sent) {
        this.delivery = delivery;
        this.sent = sent;
    }

    @EventHandler
    void on(OrderPlaced event, EventMessage<?> message) {
        push(message, event.customerId(), event.orderId(), OrderStatus.PLACED, event.totals().total());
    }

    @EventHandler
    void on(OrderPaid event, EventMessage<?> message) {
        push(message, event.customerId(), event.orderId(), OrderStatus.PAID, null);
    }

    @EventHandler
    void on(OrderFulfilmentStarted event, EventMessage<?> message) {
        push(message, event.customerId(), event.orderId(), OrderStatus.IN_FULFILMENT, null);
    }

    @EventHandler
    void on(OrderDelivered event, EventMessage<?> message) {
        push(message, event.customerId(), event.orderId(), OrderStatus.DELIVERED, null);
    }

    @EventHandler
    void on(OrderCancelled event, EventMessage<?> message) {
        push(message, event.customerId(), event.orderId(), OrderStatus.CANCELLED, null);
    }

    /** The record of whom was pushed names their devices. */
    @EventHandler
    void on(AccountErased event) {
        sent.forget(event.accountId());
    }

    private void push(EventMessage<?> message, AccountId customer, OrderId orderId, OrderStatus status, Money total) {
        String eventId = message.getIdentifier();
        delivery.deliver(eventId, customer, NotificationCategory.ORDER_UPDATES, device -> PushMessage.of(device,
                PushTexts.of("order." + status, device.locale(), PushTexts.orderNumber(orderId), total), eventId,
                Map.of("category", NotificationCategory.ORDER_UPDATES.name(), "orderId", orderId.toString(),
                        "status", status.name())));
    }

    @Override
    public Set<String> personalStores() {
        return Set.of("sent_push");
    }
}
