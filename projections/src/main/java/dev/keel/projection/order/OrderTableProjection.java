package dev.keel.projection.order;

import dev.keel.api.account.AccountId;
import dev.keel.api.order.OrderCancelled;
import dev.keel.api.order.OrderDelivered;
import dev.keel.api.order.OrderFulfilmentStarted;
import dev.keel.api.order.OrderId;
import dev.keel.api.order.OrderPaid;
import dev.keel.api.order.OrderPlaced;
import dev.keel.api.order.OrderStatus;
import dev.keel.api.order.OrderTotals;
import dev.keel.api.payment.PaymentCaptureFailed;
import dev.keel.api.payment.PaymentCaptured;
import dev.keel.api.payment.PaymentDeclined;
import dev.keel.api.payment.PaymentRefunded;
import dev.keel.api.payment.PaymentRequested;
import dev.keel.api.payment.PaymentStatus;
import dev.keel.api.payment.PaymentVoidFailed;
import dev.keel.api.payment.PaymentVoided;
import dev.keel.api.payment.RefundFailed;
import dev.keel.api.payment.RefundRequested;
import dev.keel.projection.batch.BatchedJdbc;
import dev.keel.projection.batch.ChangeLog;
import dev.keel.projection.batch.EventPositions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The {@code customer_order} table and the {@code order_change} log, in one transaction per batch,
 * so a reader of the log finds the order at least as new as the change it read. Rows move forward
 * by the order's version, the log by event position, so an event seen again changes nothing. The log
 * channel is notified at commit; every query node listens and streams the new rows.
 */
@Component
@ProcessingGroup(OrderTableProjection.GROUP)
class OrderTableProjection {

    static final String GROUP = "order-table";

    static final ChangeLog.Log ORDER_CHANGES = new ChangeLog.Log("""
            INSERT INTO order_change (seq, position, order_id, customer_id, event_type, status, version, occurred_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (position) DO NOTHING""", "order_change");

    /**
     * A payment step in the same log: it leaves the order's status as it is, so the row takes the
     * status the order has when the batch's log is written (after the batch's own statements).
     */
    static final ChangeLog.Log PAYMENT_CHANGES = new ChangeLog.Log("""
            INSERT INTO order_change (seq, position, order_id, customer_id, event_type, status, version, occurred_at)
            SELECT ?, ?, ?, ?, ?, status, ?, ? FROM customer_order WHERE order_id = ?
            ON CONFLICT (position) DO NOTHING""", "order_change");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BatchedJdbc batch;
    private final ChangeLog changes;
    private final JdbcClient jdbc;

    OrderTableProjection(BatchedJdbc batch, ChangeLog changes, JdbcClient jdbc) {
        this.batch = batch;
        this.changes = changes;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrderPlaced event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        OrderTotals totals = event.totals();
        batch.update("""
                        INSERT INTO customer_order (order_id, customer_id, status, version, lines, currency,
                                                    subtotal_minor, discount_minor, tax_minor, total_minor,
                                                    promotion_code, placed_at, updated_at)
                        VALUES (?, ?, ?, ?, CAST(? AS JSONB), ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (order_id) DO NOTHING""",
                event.orderId().value(), event.customerId().value(), OrderStatus.PLACED.name(), version,
                JSON.writeValueAsString(event.lines()), totals.total().currency().getCurrencyCode(),
                totals.subtotal().amountMinor(), totals.discount().amountMinor(), totals.tax().amountMinor(),
                totals.total().amountMinor(), event.promotionCode(), utc(event.placedAt()), utc(at));
        logged(event.orderId(), event.customerId(), event, OrderStatus.PLACED, version, at, token);
    }

    @EventHandler
    void on(OrderPaid event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        moved(event.orderId(), event.customerId(), event, OrderStatus.PAID, version, at, token);
        paid(event.orderId(), PaymentStatus.AUTHORIZED, null, null, version);
    }

    @EventHandler
    void on(OrderFulfilmentStarted event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        moved(event.orderId(), event.customerId(), event, OrderStatus.IN_FULFILMENT, version, at, token);
    }

    @EventHandler
    void on(OrderDelivered event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        moved(event.orderId(), event.customerId(), event, OrderStatus.DELIVERED, version, at, token);
    }

    @EventHandler
    void on(OrderCancelled event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        moved(event.orderId(), event.customerId(), event, OrderStatus.CANCELLED, version, at, token);
    }

    @EventHandler
    void on(PaymentRequested event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        paymentStep(event.orderId(), event.customerId(), event, version, at, token);
        paid(event.orderId(), PaymentStatus.PENDING, event.attempt(), null, version);
    }

    @EventHandler
    void on(PaymentDeclined event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        paymentStep(event.orderId(), event.customerId(), event, version, at, token);
        paid(event.orderId(), PaymentStatus.DECLINED, event.attempt(), event.reason(), version);
    }

    @EventHandler
    void on(PaymentCaptured event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        paymentStep(event.orderId(), event.customerId(), event, version, at, token);
        paid(event.orderId(), PaymentStatus.CAPTURED, null, null, version);
    }

    @EventHandler
    void on(PaymentVoided event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        paymentStep(event.orderId(), event.customerId(), event, version, at, token);
        paid(event.orderId(), PaymentStatus.VOIDED, null, null, version);
    }

    @EventHandler
    void on(RefundRequested event, @SequenceNumber long version, @Timestamp Instant at) {
        versioned(event.orderId(), version, at);
    }

    @EventHandler
    void on(PaymentRefunded event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        paymentStep(event.orderId(), event.customerId(), event, version, at, token);
        paid(event.orderId(), PaymentStatus.REFUNDED, null, null, version);
    }

    @EventHandler
    void on(PaymentCaptureFailed event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        paymentStep(event.orderId(), event.customerId(), event, version, at, token);
        paid(event.orderId(), PaymentStatus.CAPTURE_FAILED, null, event.reason(), version);
    }

    @EventHandler
    void on(PaymentVoidFailed event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        paymentStep(event.orderId(), event.customerId(), event, version, at, token);
        paid(event.orderId(), PaymentStatus.VOID_FAILED, null, event.reason(), version);
    }

    @EventHandler
    void on(RefundFailed event, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        paymentStep(event.orderId(), event.customerId(), event, version, at, token);
        paid(event.orderId(), PaymentStatus.REFUND_FAILED, null, event.reason(), version);
    }

    @ResetHandler
    void onReset() {
        // The change log stays: it is history keyed by event position, and a replay appends nothing to
        // it, so clients following it see no change twice.
        jdbc.sql("TRUNCATE customer_order").update();
    }

    private void moved(OrderId orderId, AccountId customerId, Object event, OrderStatus status, long version,
                       Instant at, TrackingToken token) {
        batch.update("UPDATE customer_order SET status = ?, version = ?, updated_at = ? WHERE order_id = ? AND version < ?",
                status.name(), version, utc(at), orderId.value(), version);
        logged(orderId, customerId, event, status, version, at, token);
    }

    /**
     * A payment step leaves the status as it is but is a version of the order, so the ETag a client
     * reads is the one its next If-Match needs.
     */
    private void versioned(OrderId orderId, long version, Instant at) {
        batch.update("UPDATE customer_order SET version = ?, updated_at = ? WHERE order_id = ? AND version < ?",
                version, utc(at), orderId.value(), version);
    }

    /**
     * Runs after the statement that moved the row to {@code version}, so it matches only that version:
     * an event seen again finds a newer row, or the same version already holding its payment state.
     *
     * @param attempt the attempt this event names, or {@code null} to keep the one the row has
     */
    private void paid(OrderId orderId, PaymentStatus status, Integer attempt, String reason, long version) {
        batch.update("""
                        UPDATE customer_order SET payment_status = ?, payment_attempt = COALESCE(?, payment_attempt, 0),
                                                  payment_reason = ?
                        WHERE order_id = ? AND version = ?""",
                status.name(), attempt, reason, orderId.value(), version);
    }

    /** A payment step: a version of the order, logged for the stream and sync like a status change. */
    private void paymentStep(OrderId orderId, AccountId customerId, Object event, long version, Instant at,
                             TrackingToken token) {
        versioned(orderId, version, at);
        changes.append(PAYMENT_CHANGES, EventPositions.of(token), orderId.value(), customerId.value(),
                event.getClass().getSimpleName(), version, utc(at), orderId.value());
    }

    private void logged(OrderId orderId, AccountId customerId, Object event, OrderStatus status, long version,
                        Instant at, TrackingToken token) {
        changes.append(ORDER_CHANGES, EventPositions.of(token), orderId.value(), customerId.value(),
                event.getClass().getSimpleName(), status.name(), version, utc(at));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
