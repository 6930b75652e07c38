package dev.keel.command.password;

import dev.keel.web.Me;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/v1/me/password")
@Tag(name = "Me")
class PasswordChangeController {

    private final PasswordChanges changes;

    PasswordChangeController(PasswordChanges changes) {
        this.changes = changes;
    }

    record PasswordChange(@NotBlank @Size(max = 1024) String currentPassword,
                          @NotBlank @Size(max = 1024) String newPassword) {
    }

    @Operation(summary = "Change my password, proving the current one; ends my other sessions")
    @PutMapping
    Mono<ResponseEntity<Void>> changePassword(@Valid @RequestBody PasswordChange change,
                                              @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                              @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return changes.change(exchange, Me.of(jwt), change).thenReturn(ResponseEntity.noContent().build());
    }
}
