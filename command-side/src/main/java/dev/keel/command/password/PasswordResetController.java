package dev.keel.command.password;

import dev.keel.web.Public;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/v1/password-resets")
@Tag(name = "Accounts")
class PasswordResetController {

    private final PasswordResets resets;

    PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    record ResetRequest(@NotBlank @Email @Size(max = 320) String email) {
    }

    record ResetConfirmation(@NotBlank @Size(max = 256) String token, @NotBlank @Size(max = 1024) String newPassword) {
    }

    @Operation(summary = "Ask for a password reset link by email (public). Always 202, whether or not the email"
            + " has an account; 429 when this address asked too often.")
    @Public
    @PostMapping
    Mono<ResponseEntity<Void>> request(@Valid @RequestBody ResetRequest request,
                                       @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                       ServerWebExchange exchange) {
        return resets.request(exchange, request).thenReturn(ResponseEntity.accepted().build());
    }

    @Operation(summary = "Set a new password with the token from the mailed link (public); ends every session")
    @Public
    @PostMapping("/confirmation")
    Mono<ResponseEntity<Void>> confirm(@Valid @RequestBody ResetConfirmation request,
                                       @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                       ServerWebExchange exchange) {
        return resets.confirm(exchange, request).thenReturn(ResponseEntity.noContent().build());
    }
}
