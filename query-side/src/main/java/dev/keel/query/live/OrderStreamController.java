package dev.keel.query.live;

import dev.keel.web.Me;
import dev.keel.web.ProblemResponse;
import dev.keel.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

@RestController
@RequestMapping("/v1/orders")
@Tag(name = "Orders")
class OrderStreamController {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final OrderStream stream;

    OrderStreamController(OrderStream stream) {
        this.stream = stream;
    }

    @Operation(summary = "Server-Sent Events of changes to my orders: id is the event's global position, event its "
            + "type (OrderPlaced, OrderPaid, OrderFulfilmentStarted, OrderDelivered, OrderCancelled, and the payment "
            + "steps PaymentRequested, PaymentDeclined, PaymentCaptured, PaymentVoided, PaymentRefunded, "
            + "PaymentCaptureFailed, PaymentVoidFailed, RefundFailed: read the order for its payment), data "
            + "{orderId, status, version, occurredAt}. Reconnect with Last-Event-ID to get what was missed first. "
            + "Ends with a token-expired event when the access token expires",
            description = "The answer is `text/event-stream` (docs/live-updates.md), which OpenAPI 3.0 cannot type"
                    + " event by event: each event's `data` is a JSON object `{orderId, status, version,"
                    + " occurredAt}` (`orderId` a uuid, `status` an order status, `version` the order's new"
                    + " version, `occurredAt` a date-time); the `token-expired` event's data is `{reason}`."
                    + " Comments (`: connected`, `: keep-alive` every 15 s) carry no event. The stream stays open;"
                    + " a generated client's plain method waits for its end, so read the response body of its"
                    + " raw variant as a stream.")
    @ApiResponse(responseCode = "200", description = "The stream of events, open until the access token expires",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @Schema(type = "string", description = "Server-Sent Events")))
    @ProblemResponse(status = HttpStatus.FORBIDDEN, type = "not-an-account",
            description = "the token is valid but speaks for no account")
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<Flux<ServerSentEvent<Object>>> streamOrderUpdates(
            @Parameter(description = "the id of the last event received, or a position from GET /v1/sync")
            @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId,
            JwtAuthenticationToken caller) {
        var me = Me.of(caller.getToken());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                // Proxies that buffer responses (nginx) would hold the events back.
                .header("X-Accel-Buffering", "no")
                .body(stream.of(me.accountId(), position(lastEventId), caller.getToken().getExpiresAt()));
    }

    private static Long position(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            throw Problems.invalid("invalid-field", LAST_EVENT_ID, "Last-Event-ID must be the id of an event this stream sent");
        }
    }
}
