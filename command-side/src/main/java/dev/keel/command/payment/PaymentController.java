package dev.keel.command.payment;

import dev.keel.api.order.OrderId;
import dev.keel.api.payment.PayOrder;
import dev.keel.api.payment.RefundOrder;
import dev.keel.command.order.OrderChanged;
import dev.keel.command.order.PaymentStarted;
import dev.keel.command.request.CommandSender;
import dev.keel.web.ETags;
import dev.keel.web.Me;
import dev.keel.web.ProblemResponse;
import dev.keel.web.SuccessResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The customer pays an order; STAFF refund it. The gateway is called by the payment process, not here. */
@RestController
@RequestMapping("/v1/orders/{orderId}")
@Tag(name = "Payments")
class PaymentController {

    private final CommandSender commands;

    PaymentController(CommandSender commands) {
        this.commands = commands;
    }

    /** @param paymentMethodToken the gateway's token from the app's payment sheet (never card numbers) */
    record PaymentRequest(@NotBlank @Size(max = 255) String paymentMethodToken) {
    }

    /** @param amountMinor in the order's currency; absent: all that is captured and not yet refunded */
    record RefundRequest(@Positive @Nullable Long amountMinor) {
    }

    @Operation(summary = "Pay my placed order with a payment method token",
            description = "Accepted for processing: the payment process asks the gateway, and the order turns PAID"
                    + " (`GET /v1/orders/{id}`, the order stream) or the attempt is declined and the order may be"
                    + " paid with another method. Unpaid orders are cancelled after the payment deadline.")
    @SuccessResponse(status = HttpStatus.ACCEPTED, headers = HttpHeaders.ETAG,
            description = "The attempt is at the gateway; the ETag is the order's version")
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "order-already-paid",
            description = "the order has been paid; `orderStatus`")
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "payment-in-progress",
            description = "an earlier attempt has no answer from the gateway yet; `attempt`")
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "order-status-conflict",
            description = "the order cannot be paid in its status (cancelled); `orderStatus`")
    @PostMapping("/payments")
    Mono<ResponseEntity<PaymentStarted>> payOrder(@PathVariable OrderId orderId,
                                                  @Valid @RequestBody PaymentRequest request,
                                                  @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                                  @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        var command = new PayOrder(orderId, Me.of(jwt).accountId(), request.paymentMethodToken());
        return commands.<PaymentStarted>send(exchange, request, command)
                .map(started -> ResponseEntity.accepted().eTag(ETags.of(started.version())).body(started));
    }

    @Operation(summary = "Refund a captured payment, all of what is left or part of it (STAFF)",
            description = "Accepted for processing: the payment process sends it to the gateway.")
    @SuccessResponse(status = HttpStatus.ACCEPTED, headers = HttpHeaders.ETAG,
            description = "The refund is at the gateway; the ETag is the order's version")
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "payment-not-captured",
            description = "no money was taken yet (an authorization is voided by cancelling the order)")
    @ProblemResponse(status = HttpStatus.UNPROCESSABLE_CONTENT, type = "refund-exceeds-captured",
            description = "more than is captured and not yet refunded; `refundable`")
    @PostMapping("/refunds")
    @PreAuthorize("hasRole('STAFF')")
    Mono<ResponseEntity<OrderChanged>> refundOrder(@PathVariable OrderId orderId,
                                                   @Valid @RequestBody RefundRequest request,
                                                   @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                                   ServerWebExchange exchange) {
        return commands.<OrderChanged>send(exchange, request, new RefundOrder(orderId, request.amountMinor()))
                .map(changed -> ResponseEntity.accepted().eTag(ETags.of(changed.version())).body(changed));
    }
}
