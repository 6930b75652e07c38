package dev.keel.command.session;

import dev.keel.web.ProblemResponse;
import dev.keel.web.Public;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Signing in and staying signed in. These are not retry-safe by nature (each creates or rotates
 * something), so they take no Idempotency-Key: a client that lost the answer logs in again.
 */
@RestController
@RequestMapping("/v1/sessions")
@Tag(name = "Sessions")
class SessionController {

    private final Logins logins;
    private final SessionStarter sessions;

    SessionController(Logins logins, SessionStarter sessions) {
        this.logins = logins;
        this.sessions = sessions;
    }

    /** @param deviceId a stable id of the installation, chosen by the app; refreshes must come from it */
    record LoginRequest(@NotBlank @Size(max = 320) String email,
                        @NotBlank @Size(max = 1024) String password,
                        @NotBlank @Size(max = 128) String deviceId) {
    }

    record RefreshRequest(@NotBlank @Size(max = 256) String refreshToken, @NotBlank @Size(max = 128) String deviceId) {
    }

    @Operation(summary = "Log in with email and password", description = "Answers a short-lived access token and"
            + " a refresh token bound to a new session on this device.")
    @Public
    @ProblemResponse(status = HttpStatus.UNAUTHORIZED, type = "invalid-credentials",
            description = "the email or the password is wrong")
    @ProblemResponse(status = HttpStatus.FORBIDDEN, type = "email-not-verified",
            description = "the password is right, but the address is not proven yet: open the mailed link")
    @ProblemResponse(status = HttpStatus.TOO_MANY_REQUESTS, type = "too-many-attempts",
            description = "the account is locked out after failed logins, or this client address failed too often;"
                    + " wait `Retry-After` seconds")
    @ProblemResponse(status = HttpStatus.SERVICE_UNAVAILABLE, type = "overloaded",
            description = "the password hashing pool is full; nothing was done")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<TokenResponse> logIn(@Valid @RequestBody LoginRequest request, ServerWebExchange exchange) {
        return logins.logIn(exchange, request.email(), request.password(), request.deviceId());
    }

    @Operation(summary = "Exchange a refresh token for new tokens", description = "The presented refresh token"
            + " stops working; presenting it again revokes the whole session. A session that refreshed too often"
            + " gets 429 and its token keeps working.")
    @Public
    @ProblemResponse(status = HttpStatus.UNAUTHORIZED, type = "invalid-refresh-token",
            description = "the refresh token is unknown, expired, of an ended session or of another device")
    @ProblemResponse(status = HttpStatus.UNAUTHORIZED, type = "refresh-token-reused",
            description = "the refresh token was used before: the session is revoked, log in again")
    @ProblemResponse(status = HttpStatus.TOO_MANY_REQUESTS, type = "too-many-requests",
            description = "this session refreshed too often; wait Retry-After seconds, the token still works")
    @PostMapping("/refresh")
    Mono<TokenResponse> refreshSession(@Valid @RequestBody RefreshRequest request, ServerWebExchange exchange) {
        return sessions.refresh(exchange, request.refreshToken(), request.deviceId());
    }
}
