package dev.keel.projection.push;

import dev.keel.api.account.AccountId;
import dev.keel.api.order.OrderCancelled;
import dev.keel.api.order.OrderDelivered;
import dev.keel.api.order.OrderFulfilmentStarted;
import dev.keel.api.order.OrderId;
import dev.keel.api.order.OrderPaid;
import dev.keel.api.order.OrderPlaced;
import dev.keel.api.order.OrderStatus;
import dev.keel.api.payment.PaymentCaptured;
import dev.keel.api.payment.PaymentDeclined;
import dev.keel.api.payment.PaymentRefunded;
import dev.keel.api.payment.PaymentVoided;
import dev.keel.api.push.NotificationCategory;
import dev.keel.api.push.NotificationRead;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The in-app inbox ({@code notification}): every notification, whether or not it was pushed, so a
 * person who turned push off still sees them. A read model like any other (replayable); a notification's
 * id is derived from its event, so a redelivery or replay writes the same row once and the push
 * carries the same id.
 */
@Component
@ProcessingGroup(NotificationInboxProjection.GROUP)
class NotificationInboxProjection {

    static final String GROUP = "notification-inbox";

    private final JdbcClient jdbc;

    NotificationInboxProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static UUID notificationId(String eventId) {
        return UUID.nameUUIDFromBytes(("notification/" + eventId).getBytes(StandardCharsets.UTF_8));
    }

    @EventHandler
    void on(OrderPlaced event, EventMessage<?> message, @Timestamp Instant at) {
        order(message, event.customerId(), event.orderId(), OrderStatus.PLACED, at);
    }

    @EventHandler
    void on(OrderPaid event, EventMessage<?> message, @Timestamp Instant at) {
        order(message, event.customerId(), event.orderId(), OrderStatus.PAID, at);
    }

    @EventHandler
    void on(OrderFulfilmentStarted event, EventMessage<?> message, @Timestamp Instant at) {
        order(message, event.customerId(), event.orderId(), OrderStatus.IN_FULFILMENT, at);
    }

    @EventHandler
    void on(OrderDelivered event, EventMessage<?> message, @Timestamp Instant at) {
        order(message, event.customerId(), event.orderId(), OrderStatus.DELIVERED, at);
    }

    @EventHandler
    void on(OrderCancelled event, EventMessage<?> message, @Timestamp Instant at) {
        order(message, event.customerId(), event.orderId(), OrderStatus.CANCELLED, at);
    }

    @EventHandler
    void on(PaymentDeclined event, EventMessage<?> message, @Timestamp Instant at) {
        payment(message, event.customerId(), event.orderId(), PaymentPushes.Result.DECLINED, at);
    }

    @EventHandler
    void on(PaymentCaptured event, EventMessage<?> message, @Timestamp Instant at) {
        payment(message, event.customerId(), event.orderId(), PaymentPushes.Result.CAPTURED, at);
    }

    @EventHandler
    void on(PaymentRefunded event, EventMessage<?> message, @Timestamp Instant at) {
        payment(message, event.customerId(), event.orderId(), PaymentPushes.Result.REFUNDED, at);
    }

    @EventHandler
    void on(PaymentVoided event, EventMessage<?> message, @Timestamp Instant at) {
        payment(message, event.customerId(), event.orderId(), PaymentPushes.Result.VOIDED, at);
    }

    @EventHandler
    void on(NotificationRead event, @Timestamp Instant at) {
        jdbc.sql("UPDATE notification SET read_at = ? WHERE notification_id = ? AND account_id = ? AND read_at IS NULL")
                .params(at.atOffset(ZoneOffset.UTC), event.notificationId(), event.accountId().value()).update();
    }

    private void order(EventMessage<?> message, AccountId customer, OrderId orderId, OrderStatus status, Instant at) {
        insert(message, customer, NotificationCategory.ORDER_UPDATES, "order." + status, orderId, at);
    }

    private void payment(EventMessage<?> message, AccountId customer, OrderId orderId, PaymentPushes.Result result,
                         Instant at) {
        insert(message, customer, NotificationCategory.PAYMENT_RESULTS, "payment." + result, orderId, at);
    }

    private void insert(EventMessage<?> message, AccountId customer, NotificationCategory category, String kind,
                        OrderId orderId, Instant at) {
        jdbc.sql("""
                        INSERT INTO notification (notification_id, account_id, category, kind, subject_id, created_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (notification_id) DO NOTHING""")
                .params(notificationId(message.getIdentifier()), customer.value(), category.name(), kind,
                        orderId.toString(), at.atOffset(ZoneOffset.UTC))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE notification").update();
    }
}
