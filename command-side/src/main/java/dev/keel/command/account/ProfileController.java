package dev.keel.command.account;

import dev.keel.command.request.CommandSender;
import dev.keel.web.Me;
import dev.keel.web.ProblemResponse;
import dev.keel.web.SuccessResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The signed-in account changing its profile; reading it is the query side's {@code GET /v1/me}. */
@RestController
@RequestMapping("/v1/me")
@Tag(name = "Me")
@ProblemResponse(status = HttpStatus.GONE, type = "account-erased", description = "the account was erased")
class ProfileController {

    private final CommandSender commands;

    ProfileController(CommandSender commands) {
        this.commands = commands;
    }

    record ProfileChange(@NotBlank @Size(max = 100) String displayName) {
    }

    @Operation(summary = "Change my display name")
    @SuccessResponse(status = HttpStatus.NO_CONTENT, description = "Changed")
    @ProblemResponse(status = HttpStatus.NOT_FOUND, type = "not-found",
            description = "the token's account does not exist")
    @PatchMapping
    Mono<ResponseEntity<Void>> changeProfile(@Valid @RequestBody ProfileChange change,
                                             @RequestHeader("Idempotency-Key") String key,
                                             @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        var command = new ChangeProfile(Me.of(jwt).accountId(), change.displayName().trim());
        return commands.send(exchange, change, command).thenReturn(ResponseEntity.noContent().build());
    }
}
