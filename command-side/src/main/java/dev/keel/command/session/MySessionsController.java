package dev.keel.command.session;

import dev.keel.web.Me;
import dev.keel.web.ProblemResponse;
import dev.keel.web.SuccessResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Ending the signed-in account's sessions; listing them is the query side's {@code GET /v1/me/sessions}. */
@RestController
@RequestMapping("/v1/me/sessions")
@Tag(name = "Me")
@ProblemResponse(status = HttpStatus.GONE, type = "account-erased", description = "the account was erased")
class MySessionsController {

    private static final String SESSION_OR_CURRENT =
            "^(current|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$";

    private final SignOuts signOuts;

    MySessionsController(SignOuts signOuts) {
        this.signOuts = signOuts;
    }

    @Operation(summary = "End one of my sessions; 'current' is the one this token belongs to (log out)")
    @SuccessResponse(status = HttpStatus.NO_CONTENT, description = "Ended")
    @DeleteMapping("/{sessionId}")
    Mono<ResponseEntity<Void>> endSession(@Parameter(description = "a session id, or `current` for this token's",
                                                     schema = @Schema(pattern = SESSION_OR_CURRENT))
                                          @PathVariable String sessionId, @AuthenticationPrincipal Jwt jwt,
                                          ServerWebExchange exchange) {
        return signOuts.end(exchange, Me.of(jwt), sessionId).thenReturn(ResponseEntity.noContent().build());
    }

    @Operation(summary = "Sign out everywhere: end all my sessions, this one included")
    @SuccessResponse(status = HttpStatus.NO_CONTENT, description = "Every session is ended")
    @ProblemResponse(status = HttpStatus.NOT_FOUND, type = "not-found",
            description = "the token's account does not exist")
    @DeleteMapping
    Mono<ResponseEntity<Void>> endAllSessions(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return signOuts.endAll(exchange, Me.of(jwt)).thenReturn(ResponseEntity.noContent().build());
    }
}
