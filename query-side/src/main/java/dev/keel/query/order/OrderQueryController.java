package dev.keel.query.order;

import dev.keel.api.account.AccountId;
import dev.keel.api.order.FindCustomerOrders;
import dev.keel.api.order.FindOrder;
import dev.keel.api.order.FindOrderQueue;
import dev.keel.api.order.OrderId;
import dev.keel.api.order.OrderPage;
import dev.keel.api.order.OrderStatus;
import dev.keel.api.order.OrderView;
import dev.keel.api.payment.FindReceipt;
import dev.keel.api.payment.ReceiptView;
import dev.keel.query.Queries;
import dev.keel.query.paging.Cursors;
import dev.keel.web.ETags;
import dev.keel.web.Me;
import dev.keel.web.ProblemResponse;
import dev.keel.web.Problems;
import dev.keel.web.SuccessResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Orders from the read model, a moment behind the commands: a placement or change answers with the
 * order's new version, and these reads reach it shortly after (poll until the ETag is at least that
 * version, or follow the stream).
 */
@RestController
@RequestMapping("/v1/orders")
@Tag(name = "Orders")
class OrderQueryController {

    private final Queries queries;

    OrderQueryController(Queries queries) {
        this.queries = queries;
    }

    @Operation(summary = "My orders, newest first, a page at a time")
    @ProblemResponse(status = HttpStatus.BAD_REQUEST, type = "invalid-cursor",
            description = "the cursor was changed, or comes from another listing (other filters, sort, owner or status)")
    @ProblemResponse(status = HttpStatus.FORBIDDEN, type = "not-an-account",
            description = "the token is valid but speaks for no account")
    @GetMapping
    Mono<OrderPage> listMyOrders(@RequestParam(required = false) @Size(max = Cursors.MAX_LENGTH) String cursor,
                         @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                         JwtAuthenticationToken caller) {
        var query = new FindCustomerOrders(Me.of(caller.getToken()).accountId(), cursor, size);
        OrderQueries.after(cursor, OrderQueries.mineScope(query));
        return queries.one(query, OrderPage.class);
    }

    @Operation(summary = "One of my orders (STAFF: any order); the ETag is its version, If-None-Match answers 304")
    @SuccessResponse(headers = HttpHeaders.ETAG)
    @ProblemResponse(status = HttpStatus.FORBIDDEN, type = "not-an-account",
            description = "the token is valid but speaks for no account (and is not STAFF)")
    @GetMapping("/{orderId}")
    Mono<ResponseEntity<OrderView>> findOrder(@PathVariable OrderId orderId,
                                        @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                                        JwtAuthenticationToken caller) {
        AccountId customer = isStaff(caller) ? null : Me.of(caller.getToken()).accountId();
        return queries.one(new FindOrder(orderId, customer), OrderView.class)
                .map(order -> ETags.noneMatchHits(ifNoneMatch, order.version())
                        ? ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(ETags.of(order.version())).<OrderView>build()
                        : ResponseEntity.ok().eTag(ETags.of(order.version())).body(order))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No order " + orderId + " (yet)")));
    }

    @Operation(summary = "The receipt of my order's captured payment (STAFF: of any order)",
            description = "Issued when fulfilment starts and the payment is captured; 404 until then.")
    @ProblemResponse(status = HttpStatus.FORBIDDEN, type = "not-an-account",
            description = "the token is valid but speaks for no account (and is not STAFF)")
    @GetMapping("/{orderId}/receipt")
    Mono<ReceiptView> findReceipt(@PathVariable OrderId orderId, JwtAuthenticationToken caller) {
        AccountId customer = isStaff(caller) ? null : Me.of(caller.getToken()).accountId();
        return queries.one(new FindReceipt(orderId, customer), ReceiptView.class)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No receipt for order " + orderId + " (yet)")));
    }

    @Operation(summary = "STAFF: the orders in one status, oldest first (the order they are worked in)")
    @PreAuthorize("hasRole('STAFF')")
    @ProblemResponse(status = HttpStatus.BAD_REQUEST, type = "invalid-cursor",
            description = "the cursor was changed, or comes from another listing (other filters, sort, owner or status)")
    @GetMapping("/queue")
    Mono<OrderPage> listOrderQueue(@Parameter(description = "PLACED, PAID, IN_FULFILMENT, DELIVERED or CANCELLED")
                          @RequestParam OrderStatus status,
                          @RequestParam(required = false) @Size(max = Cursors.MAX_LENGTH) String cursor,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var query = new FindOrderQueue(status, cursor, size);
        OrderQueries.after(cursor, OrderQueries.queueScope(query));
        return queries.one(query, OrderPage.class);
    }

    private static boolean isStaff(JwtAuthenticationToken caller) {
        return caller.getAuthorities().stream().anyMatch(authority -> "ROLE_STAFF".equals(authority.getAuthority()));
    }
}
