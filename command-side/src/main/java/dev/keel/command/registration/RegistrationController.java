package dev.keel.command.registration;

import dev.keel.api.account.AccountId;
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

    @Operation(summary = "Create an account (public). Mails a link to verify the email address. 409"
            + " email-already-registered; 400 weak-password naming what is wrong; 429 too-many-requests from"
            + " one address, 503 overloaded, both with Retry-After.")
    @Public
    @PostMapping
    Mono<ResponseEntity<Registered>> register(@Valid @RequestBody RegisterRequest request,
                                              @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                              ServerWebExchange exchange) {
        return registrations.register(exchange, request)
                .map(accountId -> ResponseEntity.created(URI.create("/v1/me")).body(new Registered(accountId)));
    }

    @Operation(summary = "Prove the email address with the token from the mailed link (public)")
    @Public
    @PostMapping("/email-verification")
    Mono<ResponseEntity<Void>> verify(@Valid @RequestBody VerificationRequest request,
                                      @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                      ServerWebExchange exchange) {
        return registrations.verify(exchange, request).thenReturn(ResponseEntity.noContent().build());
    }
}
