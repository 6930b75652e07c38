package dev.keel.command.push;

import dev.keel.api.push.MarkNotificationRead;
import dev.keel.command.request.CommandSender;
import dev.keel.web.Me;
import dev.keel.web.ProblemResponse;
import dev.keel.web.SuccessResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.UUID;

/** Marking a notification of the in-app inbox read; the inbox is {@code GET /v1/me/notifications}. */
@RestController
@Tag(name = "Push")
@ProblemResponse(status = HttpStatus.GONE, type = "account-erased", description = "the account was erased")
class NotificationReadController {

    private final CommandSender commands;

    NotificationReadController(CommandSender commands) {
        this.commands = commands;
    }

    @Operation(summary = "Mark one of my notifications read",
            description = "An id that is not one of mine changes nothing (and says nothing about whose it is).")
    @SuccessResponse(status = HttpStatus.NO_CONTENT, description = "Marked (or read already)")
    @PutMapping("/v1/me/notifications/{notificationId}/read")
    Mono<ResponseEntity<Void>> markNotificationRead(@PathVariable UUID notificationId,
                                                    @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                                    @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        var command = new MarkNotificationRead(Me.of(jwt).accountId(), notificationId);
        return commands.send(exchange, null, command).thenReturn(ResponseEntity.noContent().build());
    }
}
