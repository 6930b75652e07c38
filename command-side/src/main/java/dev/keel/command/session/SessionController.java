package dev.keel.command.session;

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

    @Operation(summary = "Log in with email and password: a 15-minute access token and a refresh token bound to"
            + " a new session on this device. 401 invalid-credentials; 429 with Retry-After when locked out or"
            + " throttled.")
    @Public
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<TokenResponse> logIn(@Valid @RequestBody LoginRequest request, ServerWebExchange exchange) {
        return logins.logIn(exchange, request.email(), request.password(), request.deviceId());
    }

    @Operation(summary = "Exchange a refresh token for new tokens. The presented token stops working; presenting"
            + " it again revokes the whole session (401 refresh-token-reused). A session that refreshed too often"
            + " gets 429 too-many-requests with Retry-After, and its token keeps working.")
    @Public
    @PostMapping("/refresh")
    Mono<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request, ServerWebExchange exchange) {
        return sessions.refresh(exchange, request.refreshToken(), request.deviceId());
    }
}
