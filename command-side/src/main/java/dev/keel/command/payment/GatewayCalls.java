package dev.keel.command.payment;

import dev.keel.api.money.Money;
import dev.keel.command.payment.PaymentGateway.Authorization;
import dev.keel.command.payment.PaymentGateway.GatewayPayment;
import dev.keel.command.payment.PaymentGateway.GatewayRefused;
import dev.keel.command.payment.PaymentGateway.GatewayTimeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Gateway calls with timeouts resolved: after a timeout the gateway is asked for the payment's real
 * state; when that shows the step has not happened, the call is sent again under the same idempotency
 * key (the gateway performs a key once). A second timeout propagates, and the event is retried later
 * with the same keys. A refusal for good ({@link GatewayRefused}) propagates to the process, which
 * records it, unless the gateway shows the step done already.
 */
final class GatewayCalls {

    private static final Logger log = LoggerFactory.getLogger(GatewayCalls.class);

    private final PaymentGateway gateway;

    GatewayCalls(PaymentGateway gateway) {
        this.gateway = gateway;
    }

    Authorization authorize(String key, String paymentMethodToken, Money amount) {
        try {
            return gateway.authorize(key, paymentMethodToken, amount);
        } catch (GatewayTimeout timeout) {
            log.warn("Authorization {} timed out; asking the gateway what happened", key);
            return gateway.find(key).map(GatewayPayment::authorization)
                    .orElseGet(() -> gateway.authorize(key, paymentMethodToken, amount));
        }
    }

    /** A refused capture that the gateway shows captured (by an earlier try, or at the gateway) is done. */
    void capture(String authorizeKey, String key, String reference, Money amount) {
        try {
            gateway.capture(key, reference, amount);
        } catch (GatewayRefused refused) {
            if (!happened(authorizeKey, payment -> payment.status() == GatewayPayment.Status.CAPTURED)) {
                throw refused;
            }
        } catch (GatewayTimeout timeout) {
            log.warn("Capture {} timed out; asking the gateway what happened", key);
            if (!happened(authorizeKey, payment -> payment.status() == GatewayPayment.Status.CAPTURED)) {
                gateway.capture(key, reference, amount);
            }
        }
    }

    void voidAuthorization(String authorizeKey, String key, String reference) {
        try {
            gateway.voidAuthorization(key, reference);
        } catch (GatewayRefused refused) {
            if (!happened(authorizeKey, payment -> payment.status() == GatewayPayment.Status.VOIDED)) {
                throw refused;
            }
        } catch (GatewayTimeout timeout) {
            log.warn("Void {} timed out; asking the gateway what happened", key);
            if (!happened(authorizeKey, payment -> payment.status() == GatewayPayment.Status.VOIDED)) {
                gateway.voidAuthorization(key, reference);
            }
        }
    }

    /** A refund's id comes only from its answer, so a timed-out refund is sent again: same key, one refund. */
    String refund(String key, String reference, Money amount) {
        try {
            return gateway.refund(key, reference, amount);
        } catch (GatewayTimeout timeout) {
            log.warn("Refund {} timed out; sending it again under the same key", key);
            return gateway.refund(key, reference, amount);
        }
    }

    private boolean happened(String authorizeKey, Predicate<GatewayPayment> done) {
        Optional<GatewayPayment> payment = gateway.find(authorizeKey);
        return payment.filter(done).isPresent();
    }
}
