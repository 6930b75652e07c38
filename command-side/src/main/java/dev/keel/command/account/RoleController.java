package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.Role;
import dev.keel.command.request.CommandSender;
import dev.keel.web.SuccessResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
}
