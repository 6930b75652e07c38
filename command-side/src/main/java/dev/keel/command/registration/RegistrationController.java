package dev.keel.command.registration;

import dev.keel.api.account.AccountId;
import dev.keel.web.ProblemResponse;
import dev.keel.web.Public;
import dev.keel.web.SuccessResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;

@RestController
@RequestMapping("/v1/accounts")
@Tag(name = "Accounts")
class RegistrationController {

    private final Registrations registrations;

    RegistrationController(Registrations registrations) {
        this.registrations = registrations;
    }

    record RegisterRequest(@NotBlank @Email @Size(max = 320) String email,
                           @NotBlank @Size(max = 1024) String password,
                           @NotBlank @Size(max = 100) String displayName) {
    }

    record VerificationRequest(@NotBlank @Size(max = 256) String token) {
    }

    record Registered(AccountId accountId) {
    }

    @Operation(summary = "Create an account; mails a link to verify the email address")
    @Public
    @SuccessResponse(status = HttpStatus.CREATED, headers = HttpHeaders.LOCATION,
            description = "Registered; Location is the account as its owner reads it, once logged in")
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "email-already-registered",
            description = "an account has this email address already")
    @ProblemResponse(status = HttpStatus.BAD_REQUEST, type = "weak-password",
            description = "the password is too short, too common or too like the email or name; `errors[]` says which")
    @PostMapping
    Mono<ResponseEntity<Registered>> registerAccount(@Valid @RequestBody RegisterRequest request,
                                                     @RequestHeader("Idempotency-Key") String key,
                                                     ServerWebExchange exchange) {
        return registrations.register(exchange, request)
                .map(accountId -> ResponseEntity.created(URI.create("/v1/me")).body(new Registered(accountId)));
    }

    @Operation(summary = "Prove the email address with the token from the mailed link")
    @Public
    @SuccessResponse(status = HttpStatus.NO_CONTENT, description = "Verified")
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "link-invalid",
            description = "the token is not one Keel mailed, was used, or a newer link replaced it")
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "link-expired",
            description = "the link is too old; ask for a new one")
    @PostMapping("/email-verification")
    Mono<ResponseEntity<Void>> verifyEmail(@Valid @RequestBody VerificationRequest request,
                                           @RequestHeader("Idempotency-Key") String key,
                                           ServerWebExchange exchange) {
        return registrations.verify(exchange, request).thenReturn(ResponseEntity.noContent().build());
    }
}
