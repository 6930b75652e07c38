package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.Role;
import dev.keel.command.request.CommandSender;
import dev.keel.web.Me;
import dev.keel.web.ProblemResponse;
import dev.keel.web.SuccessResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/v1/accounts/{accountId}/roles")
@Tag(name = "Accounts")
@PreAuthorize("hasRole('STAFF')")
@ProblemResponse(status = HttpStatus.GONE, type = "account-erased", description = "the account was erased")
class RoleController {

    private final CommandSender commands;

    RoleController(CommandSender commands) {
        this.commands = commands;
    }

    @Operation(summary = "Grant a role to an account (STAFF); it is in the account's tokens from its next refresh")
    @SuccessResponse(status = HttpStatus.NO_CONTENT, description = "Granted (or held already)")
    @PutMapping("/{role}")
    Mono<ResponseEntity<Void>> grantRole(@PathVariable AccountId accountId, @PathVariable Role role,
                                         @RequestHeader("Idempotency-Key") String key,
                                         ServerWebExchange exchange) {
        return commands.send(exchange, null, new GrantRole(accountId, role))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @Operation(summary = "Revoke a role of an account (STAFF); the account's tokens lose it from its next refresh",
            description = "An access token issued before keeps the role until it expires. Revoking a role the"
                    + " account does not have changes nothing.")
    @SuccessResponse(status = HttpStatus.NO_CONTENT, description = "Revoked (or not held)")
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "own-staff-role",
            description = "nobody revokes their own STAFF role")
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "last-staff",
            description = "the last STAFF account keeps its STAFF role")
    @DeleteMapping("/{role}")
    Mono<ResponseEntity<Void>> revokeRole(@PathVariable AccountId accountId, @PathVariable Role role,
                                          @RequestHeader("Idempotency-Key") String key,
                                          @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return commands.send(exchange, null, new RevokeRole(accountId, role, Me.of(jwt).accountId()))
                .thenReturn(ResponseEntity.noContent().build());
    }
}
