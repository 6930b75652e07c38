package dev.keel.command.payment;

import dev.keel.web.ProblemResponse;
import dev.keel.web.Public;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Stripe's webhook endpoint: no bearer token, the signature is the credential (docs/payments.md). */
@RestController
@Tag(name = "Payments")
class StripeWebhookController {

    private final StripeWebhooks webhooks;

    StripeWebhookController(StripeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Operation(summary = "Receive an event from Stripe (for Stripe, not for apps)",
            description = "Stripe calls it with an event signed under the endpoint's signing secret. Keel acts on"
                    + " `payment_intent.amount_capturable_updated`, `payment_intent.succeeded` (the order is paid)"
                    + " and `payment_intent.payment_failed` (the attempt is declined) for intents it created; refunds"
                    + " and disputes made in Stripe's dashboard are logged; anything else is ignored. An event id"
                    + " received before is answered with its first outcome (`replay: true`) and not acted on again.")
    @Public
    @ProblemResponse(status = HttpStatus.BAD_REQUEST, type = "webhook-signature-invalid",
            description = "the `Stripe-Signature` header is missing, or no signature in it signs the body with the"
                    + " endpoint's secret")
    @ProblemResponse(status = HttpStatus.BAD_REQUEST, type = "webhook-timestamp-stale",
            description = "the signature is right but its timestamp is older than the tolerance"
                    + " (`KEEL_STRIPE_WEBHOOK_TOLERANCE`, 300 s)")
    @ProblemResponse(status = HttpStatus.NOT_FOUND, type = "stripe-webhooks-off",
            description = "this Keel takes no Stripe webhooks (its gateway is not Stripe, or it has no signing secret)")
    @PostMapping(path = "/v1/payments/webhooks/stripe", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<StripeWebhooks.StripeEventReceipt> receiveStripeEvent(
            @RequestBody String payload,
            @Parameter(description = "`t=<unix seconds>,v1=<hex HMAC-SHA256 of t.body>`, as Stripe signs")
            @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
        return Mono.fromCallable(() -> webhooks.receive(payload, signature)).subscribeOn(Schedulers.boundedElastic());
    }
}
