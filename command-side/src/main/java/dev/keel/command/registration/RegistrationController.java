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

    @Operation(summary = "Create an account; mails a link to verify the email address",
            description = "The account cannot sign in until its address is verified.")
    @Public
    @SuccessResponse(status = HttpStatus.CREATED, headers = HttpHeaders.LOCATION,
            description = "Registered; Location is the account as its owner reads it, once logged in")
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "email-already-registered",
            description = "an account has this email address already")
    @ProblemResponse(status = HttpStatus.BAD_REQUEST, type = "weak-password",
            description = "the password is too short, too common or too like the email or name; `errors[]` says which")
    @ProblemResponse(status = HttpStatus.TOO_MANY_REQUESTS, type = "too-many-requests",
            description = "too many sign-ups from this address; wait Retry-After seconds")
    @ProblemResponse(status = HttpStatus.SERVICE_UNAVAILABLE, type = "overloaded",
            description = "the password hashing pool is full; nothing was done")
    @PostMapping
    Mono<ResponseEntity<Registered>> registerAccount(@Valid @RequestBody RegisterRequest request,
                                                     @RequestHeader("Idempotency-Key") String key,
                                                     ServerWebExchange exchange) {
        return registrations.register(exchange, request)
                .map(accountId -> ResponseEntity.created(URI.create("/v1/me")).body(new Registered(accountId)));
    }

    /**
     * Signs in, so like a login it takes no Idempotency-Key: a stored first answer would hold a refresh
     * token. A client that lost the answer logs in (the address is proven by then).
     */
    @Operation(summary = "Prove the email address with the mailed link's token and the account's password, and"
            + " sign in on this device", description = "Answers tokens as a login does. A wrong password verifies"
            + " nothing: if you did not sign up with this address yourself, reset the password to take the"
            + " account over.")
    @Public
    @ProblemResponse(status = HttpStatus.UNAUTHORIZED, type = "invalid-credentials",
            description = "the password is wrong; nothing was verified")
    @ProblemResponse(status = HttpStatus.TOO_MANY_REQUESTS, type = "too-many-attempts",
            description = "too many failed attempts from this address or for this account; wait Retry-After seconds")
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "link-invalid",
            description = "the token is not one Keel mailed, was used, or a newer link replaced it")
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "link-expired",
            description = "the link is too old; ask for a new one")
    @ProblemResponse(status = HttpStatus.SERVICE_UNAVAILABLE, type = "overloaded",
            description = "the password hashing pool is full; nothing was done")
    @PostMapping("/email-verification")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<TokenResponse> verifyEmail(@Valid @RequestBody VerificationRequest request, ServerWebExchange exchange) {
        return registrations.verify(exchange, request);
    }
}
