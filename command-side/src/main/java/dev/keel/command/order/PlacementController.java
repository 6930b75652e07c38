package dev.keel.command.order;

import dev.keel.api.order.OrderId;
import dev.keel.api.order.OrderView;
import dev.keel.api.order.PlaceOrder;
import dev.keel.command.request.CommandSender;
import dev.keel.web.ETags;
import dev.keel.web.Me;
import dev.keel.web.ProblemResponse;
import dev.keel.web.SuccessResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Instant;

/**
 * A signed-in customer pricing a basket, and placing it as an order. Both answer the checkout's
 * refusals, declared once on the class: a quote answers each one that placing would answer now.
 */
@RestController
@RequestMapping("/v1/orders")
@Tag(name = "Orders")
@ProblemResponse(status = HttpStatus.CONFLICT, type = "out-of-stock",
        description = "fewer units are available than a line asks for; `productId`, `available`, `requested`")
@ProblemResponse(status = HttpStatus.CONFLICT, type = "product-archived",
        description = "a line names a product that is no longer sold; `productId`")
@ProblemResponse(status = HttpStatus.CONFLICT, type = "promotion-used-up",
        description = "the promotion's total limit is reached")
@ProblemResponse(status = HttpStatus.CONFLICT, type = "promotion-limit-reached",
        description = "the customer used the promotion as often as it allows; `perCustomerLimit`")
@ProblemResponse(status = HttpStatus.UNPROCESSABLE_CONTENT, type = "unknown-product",
        description = "a line names no product; `productId`")
@ProblemResponse(status = HttpStatus.UNPROCESSABLE_CONTENT, type = "mixed-currencies",
        description = "the lines are priced in two currencies, or the promotion's amount or minimum is in"
                + " another; `currencies`")
@ProblemResponse(status = HttpStatus.UNPROCESSABLE_CONTENT, type = "unsupported-country",
        description = "Keel has no tax rate for the shipping country; `country`")
@ProblemResponse(status = HttpStatus.UNPROCESSABLE_CONTENT, type = "unknown-promotion-code",
        description = "no promotion has the code")
@ProblemResponse(status = HttpStatus.UNPROCESSABLE_CONTENT, type = "promotion-not-yet-valid",
        description = "the promotion starts later; `validFrom`")
@ProblemResponse(status = HttpStatus.UNPROCESSABLE_CONTENT, type = "promotion-expired",
        description = "the promotion has ended; `validUntil`")
@ProblemResponse(status = HttpStatus.UNPROCESSABLE_CONTENT, type = "promotion-minimum-not-met",
        description = "the subtotal is below the promotion's minimum; `minimumOrder`")
class PlacementController {

    private final CommandSender commands;

    PlacementController(CommandSender commands) {
        this.commands = commands;
    }

    @Operation(summary = "Price a basket as placing it would, reserving and storing nothing (for the checkout screen)",
            description = "Answers the problems placing would answer now; placing may still be refused if someone"
                    + " else takes the last units or uses of the code in between. Stores nothing, so it takes no"
                    + " Idempotency-Key.")
    @PostMapping("/quote")
    Mono<OrderQuote> quoteOrder(@Valid @RequestBody OrderRequest request, @AuthenticationPrincipal Jwt jwt,
                           ServerWebExchange exchange) {
        var quote = new QuoteOrder(Me.of(jwt).accountId(), request.basket(), request.promotionCode(),
                request.shippingAddress().country(), Instant.now());
        return commands.sendWithoutKey(exchange, quote);
    }

    @Operation(summary = "Place an order: priced from the catalog, stock reserved, at most one promotion",
            description = "Prices come from the catalog, never from the request. The read side shows the order"
                    + " shortly after: read `Location` until it answers (or follow `GET /v1/orders/stream`).")
    @SuccessResponse(status = HttpStatus.CREATED, headers = {HttpHeaders.LOCATION, HttpHeaders.ETAG},
            description = "Placed; the ETag is the order's version, for If-Match on its next change")
    @PostMapping
    Mono<ResponseEntity<OrderView>> placeOrder(@Valid @RequestBody OrderRequest request,
                                          @RequestHeader("Idempotency-Key") String key,
                                          @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        Instant now = Instant.now();
        return commands.<OrderView>create(exchange, request, id -> new PlaceOrder(new OrderId(id), Me.of(jwt).accountId(),
                        request.basket(), request.promotionCode(), request.shippingAddress().toAddress(), now))
                .map(order -> ResponseEntity.created(URI.create("/v1/orders/" + order.orderId()))
                        .eTag(ETags.of(order.version()))
                        .body(order));
    }
}
