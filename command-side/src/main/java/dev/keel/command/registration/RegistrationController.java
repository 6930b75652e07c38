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
import dev.keel.command.session.TokenResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
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

    /**
     * @param password the account's password: the link proves the mailbox, the password the person who
     *                 registered, and only both together prove the address is theirs
     * @param deviceId a stable id of the installation, as for a login; the session starts on it
     */
    record VerificationRequest(@NotBlank @Size(max = 256) String token,
                               @NotBlank @Size(max = 1024) String password,
                               @NotBlank @Size(max = 128) String deviceId) {
    }

    record Registered(AccountId accountId) {
    }

    @Operation(summary = "Create an account (public). Mails a link to verify the email address; the account"
            + " cannot sign in until it is verified. 409 email-already-registered; 400 weak-password naming what"
            + " is wrong.")
    @Public
    @PostMapping
    Mono<ResponseEntity<Registered>> register(@Valid @RequestBody RegisterRequest request,
                                              @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                              ServerWebExchange exchange) {
        return registrations.register(exchange, request)
                .map(accountId -> ResponseEntity.created(URI.create("/v1/me")).body(new Registered(accountId)));
    }

    /**
     * Signs in, so like a login it takes no Idempotency-Key: a stored first answer would hold a refresh
     * token. A client that lost the answer logs in (the address is proven by then).
     */
    @Operation(summary = "Prove the email address with the token from the mailed link and the account's password,"
            + " and sign in on this device (public): 201 with tokens as a login. 401 invalid-credentials for a"
            + " wrong password (nothing is verified; reset the password if you did not sign up yourself);"
            + " 409 link-invalid / link-expired; 429 too-many-attempts.")
    @Public
    @PostMapping("/email-verification")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<TokenResponse> verify(@Valid @RequestBody VerificationRequest request, ServerWebExchange exchange) {
        return registrations.verify(exchange, request);
    }
}
