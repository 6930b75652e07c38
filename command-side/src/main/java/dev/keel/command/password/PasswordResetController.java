package dev.keel.command.password;

import dev.keel.web.ProblemResponse;
import dev.keel.web.Public;
import dev.keel.web.SuccessResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
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

    @Operation(summary = "Ask for a password reset link by email",
            description = "Answers 202 whether or not the address has an account, so nobody learns which do.")
    @Public
    @SuccessResponse(status = HttpStatus.ACCEPTED,
            description = "Accepted: a link is mailed if the address has an account")
    @ProblemResponse(status = HttpStatus.TOO_MANY_REQUESTS, type = "too-many-attempts",
            description = "this client address asked too often; wait `Retry-After` seconds")
    @PostMapping
    Mono<ResponseEntity<Void>> requestPasswordReset(@Valid @RequestBody ResetRequest request,
                                                    @RequestHeader("Idempotency-Key") String key,
                                                    ServerWebExchange exchange) {
        return resets.request(exchange, request).thenReturn(ResponseEntity.accepted().build());
    }

    @Operation(summary = "Set a new password with the token from the mailed link; ends every session")
    @Public
    @SuccessResponse(status = HttpStatus.NO_CONTENT, description = "The password is changed and every session ended")
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "link-invalid",
            description = "the token is not one Keel mailed, was used, or a newer link replaced it")
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "link-expired",
            description = "the link is too old; ask for a new one")
    @ProblemResponse(status = HttpStatus.BAD_REQUEST, type = "weak-password",
            description = "the new password is too short, too common or too like the email or name")
    @ProblemResponse(status = HttpStatus.SERVICE_UNAVAILABLE, type = "overloaded",
            description = "the password hashing pool is full; nothing was done")
    @PostMapping("/confirmation")
    Mono<ResponseEntity<Void>> resetPassword(@Valid @RequestBody ResetConfirmation request,
                                             @RequestHeader("Idempotency-Key") String key,
                                             ServerWebExchange exchange) {
        return resets.confirm(exchange, request).thenReturn(ResponseEntity.noContent().build());
    }
}
