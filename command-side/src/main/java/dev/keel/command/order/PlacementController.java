package dev.keel.command.order;

import dev.keel.api.order.OrderId;
import dev.keel.api.order.OrderView;
import dev.keel.api.order.PlaceOrder;
import dev.keel.command.request.CommandSender;
import dev.keel.web.ETags;
import dev.keel.web.Me;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

/** A signed-in customer pricing a basket, and placing it as an order. */
@RestController
@RequestMapping("/v1/orders")
@Tag(name = "Orders")
class PlacementController {

    private final CommandSender commands;

    PlacementController(CommandSender commands) {
        this.commands = commands;
    }

    @Operation(summary = "Price a basket as placing it would, reserving and storing nothing (for the checkout screen)")
    @PostMapping("/quote")
    Mono<OrderQuote> quote(@Valid @RequestBody OrderRequest request, @AuthenticationPrincipal Jwt jwt,
                           ServerWebExchange exchange) {
        var quote = new QuoteOrder(Me.of(jwt).accountId(), request.basket(), request.promotionCode(),
                request.shippingAddress().country(), Instant.now());
        return commands.sendWithoutKey(exchange, quote);
    }

    @Operation(summary = "Place an order: priced from the catalog, stock reserved, at most one promotion")
    @PostMapping
    Mono<ResponseEntity<OrderView>> place(@Valid @RequestBody OrderRequest request,
                                          @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                          @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        var command = new PlaceOrder(OrderId.random(), Me.of(jwt).accountId(), request.basket(),
                request.promotionCode(), request.shippingAddress().toAddress(), Instant.now());
        return commands.<OrderView>send(exchange, request, command)
                .map(order -> ResponseEntity.created(URI.create("/v1/orders/" + order.orderId()))
                        .eTag(ETags.of(order.version()))
                        .body(order));
    }
}
