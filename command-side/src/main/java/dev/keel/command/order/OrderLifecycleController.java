package dev.keel.command.order;

import dev.keel.api.order.CancelOrder;
import dev.keel.api.order.CancelledBy;
import dev.keel.api.order.ConfirmDelivery;
import dev.keel.api.order.OrderId;
import dev.keel.api.order.StartFulfilment;
import dev.keel.command.request.CommandSender;
import dev.keel.web.ETags;
import dev.keel.web.Me;
import dev.keel.web.ProblemResponse;
import dev.keel.web.SuccessResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Moving an order along: the customer may cancel it; STAFF cancel, fulfil and deliver. Each takes If-Match. */
@RestController
@RequestMapping("/v1/orders/{orderId}")
@Tag(name = "Orders")
@ProblemResponse(status = HttpStatus.CONFLICT, type = "order-status-conflict",
        description = "the order's lifecycle does not allow this move now; `orderStatus` is where it is")
class OrderLifecycleController {

    private final CommandSender commands;

    OrderLifecycleController(CommandSender commands) {
        this.commands = commands;
    }

    @Operation(summary = "Cancel an order: my own before fulfilment, or (STAFF) any order before delivery")
    @SuccessResponse(headers = HttpHeaders.ETAG)
    @PostMapping("/cancellation")
    Mono<ResponseEntity<OrderChanged>> cancelOrder(@PathVariable OrderId orderId,
                                              @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                              @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                              @AuthenticationPrincipal Jwt jwt, JwtAuthenticationToken caller,
                                              ServerWebExchange exchange) {
        CancelledBy by = caller.getAuthorities().stream().anyMatch(role -> role.getAuthority().equals("ROLE_STAFF"))
                ? CancelledBy.STAFF : CancelledBy.CUSTOMER;
        return send(exchange, new CancelOrder(orderId, Me.of(jwt).accountId(), by, ETags.expectedVersion(ifMatch)));
    }

    @Operation(summary = "Start fulfilment of a paid order (STAFF): its goods leave stock")
    @SuccessResponse(headers = HttpHeaders.ETAG)
    @PostMapping("/fulfilment")
    @PreAuthorize("hasRole('STAFF')")
    Mono<ResponseEntity<OrderChanged>> startOrderFulfilment(@PathVariable OrderId orderId,
                                              @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                              @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                              ServerWebExchange exchange) {
        return send(exchange, new StartFulfilment(orderId, ETags.expectedVersion(ifMatch)));
    }

    @Operation(summary = "Confirm an order in fulfilment arrived (STAFF)")
    @SuccessResponse(headers = HttpHeaders.ETAG)
    @PostMapping("/delivery")
    @PreAuthorize("hasRole('STAFF')")
    Mono<ResponseEntity<OrderChanged>> confirmOrderDelivery(@PathVariable OrderId orderId,
                                               @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                               ServerWebExchange exchange) {
        return send(exchange, new ConfirmDelivery(orderId, ETags.expectedVersion(ifMatch)));
    }

    private Mono<ResponseEntity<OrderChanged>> send(ServerWebExchange exchange, Object command) {
        return commands.<OrderChanged>send(exchange, null, command)
                .map(changed -> ResponseEntity.ok().eTag(ETags.of(changed.version())).body(changed));
    }
}
