package dev.keel.command.payment;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import dev.keel.api.metadata.MetadataKeys;
import dev.keel.command.order.MarkOrderPaid;
import dev.keel.command.order.RecordPaymentDeclined;
import dev.keel.command.payment.PaymentKeys.Attempt;
import dev.keel.command.rejection.CommandRejected;
import dev.keel.web.Problems;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Stripe's webhook events, checked and acted on once. The {@code Stripe-Signature} header is the
 * credential: the SDK's {@link Webhook.Signature} checks it against the endpoint's signing secret,
 * first the signature alone, then its timestamp against the tolerance, so the answer says which
 * failed. An event id already handled is answered with its first outcome and nothing is done again.
 *
 * <p>What it acts on resolves a pending attempt sooner than the payment process would after a
 * timeout, through the commands the process itself sends (the order accepts each twice without
 * acting twice): an intent that holds the money marks the order paid, a failed one records the
 * decline. Refunds and disputes made in Stripe's dashboard are logged, not recorded (docs/payments.md).
 * Events about intents Keel did not create (no {@code keel_key} metadata) are ignored.
 */
@Component
public class StripeWebhooks {

    /** What Keel did with an event. */
    public enum Outcome {
        /** A command was sent to the order it is about. */
        ACTED,
        /** Logged for STAFF, not recorded (a refund or dispute made in Stripe's dashboard). */
        NOTED,
        /** Nothing for Keel: another event type, another system's intent, or an order that refused it. */
        IGNORED
    }

    /**
     * The answer to Stripe: which event, what was done, and whether it had been received before.
     *
     * @param event Stripe's event id ({@code evt_...})
     */
    public record StripeEventReceipt(String event, String type, Outcome outcome, boolean replay) {
    }

    private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);
    private static final MetaData ACTOR = MetaData.with(MetadataKeys.ACTOR, "system:stripe-webhook");
    private static final Set<String> NOTED = Set.of("charge.refunded", "charge.refund.updated", "refund.created",
            "refund.updated", "charge.dispute.created", "charge.dispute.updated", "charge.dispute.closed",
            "charge.dispute.funds_withdrawn");

    private final PaymentProperties properties;
    private final ProcessedWebhookEvents processed;
    private final CommandGateway commands;
    private final Clock clock;

    /** Active when {@link PaymentProperties#stripeWebhooks()} says so. */
    @Autowired
    public StripeWebhooks(PaymentProperties properties, JdbcClient jdbc, CommandGateway commands) {
        this(properties, new JdbcProcessedWebhookEvents(jdbc), commands, Clock.systemUTC());
    }

    StripeWebhooks(PaymentProperties properties, ProcessedWebhookEvents processed, CommandGateway commands,
                   Clock clock) {
        this.properties = properties;
        this.processed = processed;
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * Checks the signature, then acts on the event unless it was handled before. Blocks (commands, JDBC).
     *
     * @throws org.springframework.web.ErrorResponseException the problem to answer: webhooks off, a bad
     *                                                        or stale signature, a body that is no event
     */
    public StripeEventReceipt receive(String payload, String signature) {
        if (!properties.stripeWebhooks()) {
            throw Problems.error(HttpStatus.NOT_FOUND, "stripe-webhooks-off", "This Keel takes no Stripe webhooks:"
                    + " they need KEEL_PAYMENT_GATEWAY=stripe and KEEL_STRIPE_WEBHOOK_SECRET");
        }
        verify(payload == null ? "" : payload, signature);
        JsonObject event = parse(payload);
        String id = text(event, "id").orElseThrow(() -> notAnEvent("id"));
        String type = text(event, "type").orElseThrow(() -> notAnEvent("type"));
        Outcome first = processed.outcomeOf(id);
        if (first != null) {
            log.info("Stripe event {} ({}) received again; it was {} before, nothing done", id, type, first);
            return new StripeEventReceipt(id, type, first, true);
        }
        Outcome outcome = act(id, type, object(event));
        processed.record(id, type, outcome);
        return new StripeEventReceipt(id, type, outcome, false);
    }

    private void verify(String payload, String signature) {
        String secret = properties.stripe().webhookSecret();
        if (signature == null || signature.isBlank()) {
            throw badSignature("The Stripe-Signature header is missing");
        }
        try {
            Webhook.Signature.verifyHeader(payload, signature, secret, 0, clock);
        } catch (SignatureVerificationException wrong) {
            throw badSignature("The Stripe-Signature header does not sign this body with the endpoint's secret: "
                    + wrong.getMessage());
        }
        long tolerance = Math.max(1, properties.stripe().webhookTolerance().toSeconds());
        try {
            Webhook.Signature.verifyHeader(payload, signature, secret, tolerance, clock);
        } catch (SignatureVerificationException stale) {
            throw Problems.invalid("webhook-timestamp-stale", "Stripe-Signature", "The Stripe-Signature timestamp"
                    + " is more than " + tolerance + " s old: a replay of an old request is refused");
        }
    }

    private Outcome act(String id, String type, JsonObject object) {
        Optional<Attempt> attempt = text(object.getAsJsonObject("metadata"), StripeGateway.KEY_METADATA)
                .flatMap(PaymentKeys::attemptOf);
        if (NOTED.contains(type)) {
            log.warn("Stripe event {} ({}) for payment {}: made at Stripe, not recorded in Keel; STAFF check the"
                    + " order in Stripe's dashboard", id, type, text(object, "payment_intent").orElse("?"));
            return Outcome.NOTED;
        }
        if (attempt.isEmpty() || !type.startsWith("payment_intent.")) {
            return Outcome.IGNORED;
        }
        String status = text(object, "status").orElse("");
        return switch (type) {
            case "payment_intent.amount_capturable_updated", "payment_intent.succeeded" ->
                    status.equals("requires_capture") || status.equals("succeeded")
                            ? send(id, new MarkOrderPaid(attempt.get().orderId(), text(object, "id").orElseThrow()))
                            : Outcome.IGNORED;
            case "payment_intent.payment_failed" ->
                    send(id, new RecordPaymentDeclined(attempt.get().orderId(), attempt.get().attempt(), reason(object)));
            default -> Outcome.IGNORED;
        };
    }

    /** An order that refuses it (unknown here, or in a state it does not fit) is left alone: Stripe resending will not change that. */
    private Outcome send(String eventId, Object command) {
        try {
            commands.sendAndWait(command, ACTOR.and(MetadataKeys.CAUSATION_ID, "stripe:" + eventId));
            return Outcome.ACTED;
        } catch (CommandRejected | AggregateNotFoundException refused) {
            log.warn("Stripe event {}: the order refused {}: {}", eventId, command, refused.getMessage());
            return Outcome.IGNORED;
        }
    }

    private static String reason(JsonObject intent) {
        JsonElement error = intent.get("last_payment_error");
        if (error == null || !error.isJsonObject()) {
            return "payment_failed";
        }
        return text(error.getAsJsonObject(), "decline_code")
                .or(() -> text(error.getAsJsonObject(), "code")).orElse("payment_failed");
    }

    private static JsonObject parse(String payload) {
        try {
            JsonElement event = JsonParser.parseString(payload);
            if (event.isJsonObject()) {
                return event.getAsJsonObject();
            }
        } catch (JsonParseException malformed) {
            // answered below
        }
        throw notAnEvent("id");
    }

    private static JsonObject object(JsonObject event) {
        JsonElement data = event.get("data");
        JsonElement object = data != null && data.isJsonObject() ? data.getAsJsonObject().get("object") : null;
        if (object == null || !object.isJsonObject()) {
            throw notAnEvent("data.object");
        }
        return object.getAsJsonObject();
    }

    private static Optional<String> text(JsonObject object, String field) {
        JsonElement value = object == null ? null : object.get(field);
        return value != null && value.isJsonPrimitive() ? Optional.of(value.getAsString()) : Optional.empty();
    }

    private static RuntimeException badSignature(String detail) {
        return Problems.invalid("webhook-signature-invalid", "Stripe-Signature", detail);
    }

    private static RuntimeException notAnEvent(String field) {
        return Problems.invalid("invalid-body", field, "The body is not a Stripe event: `" + field + "` is missing");
    }
}
