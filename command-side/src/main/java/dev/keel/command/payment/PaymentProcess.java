package dev.keel.command.payment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.keel.api.money.Money;
import dev.keel.api.order.OrderCancelled;
import dev.keel.api.order.OrderFulfilmentStarted;
import dev.keel.api.order.OrderId;
import dev.keel.api.order.OrderPaid;
import dev.keel.api.order.OrderPlaced;
import dev.keel.api.order.OrderStatus;
import dev.keel.api.payment.PaymentRequested;
import dev.keel.api.payment.RefundRequested;
import dev.keel.command.order.ExpireUnpaidOrder;
import dev.keel.command.order.MarkOrderPaid;
import dev.keel.command.order.OrderChanged;
import dev.keel.command.order.RecordPaymentCaptured;
import dev.keel.command.order.RecordPaymentDeclined;
import dev.keel.command.order.RecordPaymentFailure;
import dev.keel.command.order.RecordPaymentFailure.Step;
import dev.keel.command.order.RecordPaymentVoided;
import dev.keel.command.order.RecordRefund;
import dev.keel.command.payment.PaymentGateway.Authorization;
import dev.keel.command.payment.PaymentGateway.GatewayRefused;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;

/**
 * The payment of one order, from placing to the last refund: authorize when the customer pays (the
 * order turns PAID), capture when fulfilment starts, void when it is cancelled before capture,
 * refund after. An order still unpaid at the payment deadline is cancelled. Every gateway call has a
 * key per order and step, and every command it sends is one the order accepts twice without acting
 * twice, so a redelivered event or a retried handler charges nobody twice (docs/payments.md).
 */
@Saga
@ProcessingGroup(PaymentProcess.GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class PaymentProcess {

    private static final Logger log = LoggerFactory.getLogger(PaymentProcess.class);

    static final String GROUP = "payment-process";
    static final String DEADLINE = "payment-deadline";

    enum Stage { AWAITING_PAYMENT, AUTHORIZED, CAPTURED }

    private OrderId orderId;
    private Money amount;
    private Stage stage;
    private String authorizeKey;
    private String paymentReference;
    private boolean expired;
    private boolean cancelled;

    @JsonIgnore
    private transient PaymentGateway gateway;
    @JsonIgnore
    private transient CommandGateway commands;
    @JsonIgnore
    private transient DeadlineManager deadlines;
    @JsonIgnore
    private transient PaymentProperties properties;

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderPlaced event) {
        if (stage != null) {
            return; // seen again: the process is under way
        }
        orderId = event.orderId();
        amount = event.totals().total();
        stage = Stage.AWAITING_PAYMENT;
        deadlines.schedule(event.placedAt().plus(properties.deadline()), DEADLINE);
    }

    @SagaEventHandler(associationProperty = "orderId")
    void on(PaymentRequested event) {
        if (stage != Stage.AWAITING_PAYMENT || expired) {
            return;
        }
        String key = PaymentKeys.authorize(orderId, event.attempt());
        Authorization authorization;
        try {
            authorization = calls().authorize(key, event.paymentMethodToken(), event.amount());
        } catch (GatewayRefused refused) {
            authorization = Authorization.declined(null, refused.reason());
        }
        if (!authorization.approved()) {
            commands.sendAndWait(new RecordPaymentDeclined(orderId, event.attempt(), authorization.declineReason()));
            return;
        }
        authorizeKey = key;
        paymentReference = authorization.paymentReference();
        stage = Stage.AUTHORIZED;
        deadlines.cancelAllWithinScope(DEADLINE);
        OrderChanged order = commands.sendAndWait(new MarkOrderPaid(orderId, paymentReference));
        if (order != null && order.status() == OrderStatus.CANCELLED) {
            voidAuthorization();
        }
    }

    /** Paid by something other than this process (before it existed): nothing of it to capture or void. */
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderPaid event) {
        if (paymentReference == null || !paymentReference.equals(event.paymentReference())) {
            SagaLifecycle.end();
        }
    }

    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderFulfilmentStarted event, @Timestamp Instant at) {
        if (stage == Stage.AUTHORIZED) {
            try {
                calls().capture(authorizeKey, PaymentKeys.capture(orderId), paymentReference, amount);
            } catch (GatewayRefused refused) {
                stop(Step.CAPTURE, refused);
                return;
            }
            commands.sendAndWait(new RecordPaymentCaptured(orderId, at));
            stage = Stage.CAPTURED;
        }
    }

    /** Before capture the authorization is voided; after it, the order's refund of the rest follows. */
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderCancelled event) {
        cancelled = true;
        switch (stage) {
            case AWAITING_PAYMENT -> {
                deadlines.cancelAllWithinScope(DEADLINE);
                SagaLifecycle.end();
            }
            case AUTHORIZED -> voidAuthorization();
            case CAPTURED -> {
                // the order applied RefundRequested with its cancellation
            }
        }
    }

    /** A refund refused for good is recorded on the order, and the process goes on to the next. */
    @SagaEventHandler(associationProperty = "orderId")
    void on(RefundRequested event) {
        try {
            String refund = calls().refund(PaymentKeys.refund(orderId, event.refundNumber()), paymentReference,
                    event.amount());
            commands.sendAndWait(new RecordRefund(orderId, event.refundNumber(), event.amount(), refund));
        } catch (GatewayRefused refused) {
            log.warn("Refund {} of order {} refused for good: {}", event.refundNumber(), orderId, refused.getMessage());
            commands.sendAndWait(new RecordPaymentFailure(orderId, Step.REFUND, event.refundNumber(), event.amount(),
                    refused.reason()));
        }
        if (cancelled) {
            SagaLifecycle.end();
        }
    }

    @DeadlineHandler(deadlineName = DEADLINE)
    void paymentDeadline() {
        if (stage == Stage.AWAITING_PAYMENT) {
            expired = true;
            commands.sendAndWait(new ExpireUnpaidOrder(orderId));
        }
    }

    private void voidAuthorization() {
        try {
            calls().voidAuthorization(authorizeKey, PaymentKeys.voidAuthorization(orderId), paymentReference);
        } catch (GatewayRefused refused) {
            stop(Step.VOID, refused);
            return;
        }
        commands.sendAndWait(new RecordPaymentVoided(orderId, paymentReference));
        SagaLifecycle.end();
    }

    /** Retrying cannot change a refusal for good: it is recorded on the order for STAFF, and the process ends. */
    private void stop(Step step, GatewayRefused refused) {
        log.warn("{} of order {} refused for good; recorded on the order: {}", step, orderId, refused.getMessage());
        commands.sendAndWait(new RecordPaymentFailure(orderId, step, 0, null, refused.reason()));
        SagaLifecycle.end();
    }

    private GatewayCalls calls() {
        return new GatewayCalls(gateway);
    }

    @Autowired
    public void setGateway(PaymentGateway gateway) {
        this.gateway = gateway;
    }

    @Autowired
    public void setCommands(CommandGateway commands) {
        this.commands = commands;
    }

    @Autowired
    public void setDeadlines(DeadlineManager deadlines) {
        this.deadlines = deadlines;
    }

    @Autowired
    public void setProperties(PaymentProperties properties) {
        this.properties = properties;
    }
}
