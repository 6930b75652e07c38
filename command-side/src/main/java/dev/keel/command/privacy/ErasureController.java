package dev.keel.command.privacy;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.ErasureReason;
import dev.keel.command.account.EraseAccount;
import dev.keel.command.request.CommandSender;
import dev.keel.web.Me;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.keel.web.ProblemResponse;
import dev.keel.web.SuccessResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Erasure (GDPR article 17): by the person, or by COMPLIANCE carrying out their request. */
@RestController
@Tag(name = "Privacy")
class ErasureController {

    private final CommandSender commands;

    ErasureController(CommandSender commands) {
        this.commands = commands;
    }

    @Operation(summary = "Erase me: my personal data is destroyed, every session ends, and the account cannot be"
            + " used again. My email is free for a new account. An access token issued before keeps passing"
            + " authentication until it expires, but every other change it asks for is 410 account-erased; erasing"
            + " again changes nothing.")
    @SuccessResponse(status = HttpStatus.NO_CONTENT, description = "Erased (or erased already)")
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "last-staff", description = "the last STAFF account is kept")
    @ProblemResponse(status = HttpStatus.NOT_FOUND, type = "not-found",
            description = "the token's account does not exist")
    @DeleteMapping("/v1/me")
    Mono<ResponseEntity<Void>> eraseMe(@Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                       @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return erase(exchange, new EraseAccount(Me.of(jwt).accountId(), ErasureReason.REQUESTED_BY_PERSON));
    }

    @Operation(summary = "Erase an account's personal data on the person's request (COMPLIANCE), as DELETE /v1/me"
            + " does; erasing an erased account changes nothing.")
    @SuccessResponse(status = HttpStatus.NO_CONTENT, description = "Erased (or erased already)")
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "last-staff", description = "the last STAFF account is kept")
    @PreAuthorize("hasRole('COMPLIANCE')")
    @DeleteMapping("/v1/accounts/{accountId}")
    Mono<ResponseEntity<Void>> eraseAccount(@PathVariable AccountId accountId,
                                            @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                            ServerWebExchange exchange) {
        return erase(exchange, new EraseAccount(accountId, ErasureReason.REQUESTED_THROUGH_COMPLIANCE));
    }

    private Mono<ResponseEntity<Void>> erase(ServerWebExchange exchange, EraseAccount command) {
        return commands.send(exchange, null, command).thenReturn(ResponseEntity.noContent().build());
    }
}
