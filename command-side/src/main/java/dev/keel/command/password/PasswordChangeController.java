package dev.keel.command.password;

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
@ProblemResponse(status = HttpStatus.GONE, type = "account-erased", description = "the account was erased")
class PasswordChangeController {

    private final PasswordChanges changes;

    PasswordChangeController(PasswordChanges changes) {
        this.changes = changes;
    }

    record PasswordChange(@NotBlank @Size(max = 1024) String currentPassword,
                          @NotBlank @Size(max = 1024) String newPassword) {
    }

    @Operation(summary = "Change my password, proving the current one; ends my other sessions")
    @SuccessResponse(status = HttpStatus.NO_CONTENT, description = "Changed; my other sessions are ended")
    @ProblemResponse(status = HttpStatus.BAD_REQUEST, type = "wrong-current-password",
            description = "`currentPassword` is not the current password")
    @ProblemResponse(status = HttpStatus.BAD_REQUEST, type = "weak-password",
            description = "the new password is too short, too common or too like the email or name")
    @ProblemResponse(status = HttpStatus.TOO_MANY_REQUESTS, type = "too-many-attempts",
            description = "too many wrong current passwords from this client address; wait `Retry-After` seconds")
    @ProblemResponse(status = HttpStatus.SERVICE_UNAVAILABLE, type = "overloaded",
            description = "the password hashing pool is full; nothing was done")
    @PutMapping
    Mono<ResponseEntity<Void>> changePassword(@Valid @RequestBody PasswordChange change,
                                              @RequestHeader("Idempotency-Key") String key,
                                              @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return changes.change(exchange, Me.of(jwt), change).thenReturn(ResponseEntity.noContent().build());
    }
}
