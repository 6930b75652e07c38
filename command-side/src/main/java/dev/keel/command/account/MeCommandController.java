package dev.keel.command.account;

import dev.keel.api.account.SessionId;
import dev.keel.api.account.SessionRevocationReason;
import dev.keel.command.account.AccountCommands.ChangePassword;
import dev.keel.command.account.AccountCommands.ChangeProfile;
import dev.keel.command.account.AccountCommands.RevokeSession;
import dev.keel.command.account.AccountCommands.RevokeSessions;
import dev.keel.web.Me;
import dev.keel.web.Problems;
import dev.keel.command.request.ClientIp;
import dev.keel.command.request.CommandSender;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The signed-in account changing itself; reading it is the query side's {@code GET /v1/me}. */
@RestController
@RequestMapping("/v1/me")
@Tag(name = "Me")
class MeCommandController {

    private final CommandSender commands;
    private final Credentials credentials;
    private final Passwords passwords;
    private final PasswordPolicy policy;
    private final IpThrottle throttle;

    MeCommandController(CommandSender commands, Credentials credentials, Passwords passwords, PasswordPolicy policy,
                        IpThrottle throttle) {
        this.commands = commands;
        this.credentials = credentials;
        this.passwords = passwords;
        this.policy = policy;
        this.throttle = throttle;
    }

    record ProfileChange(@NotBlank @Size(max = 100) String displayName) {
    }

    record PasswordChange(@NotBlank @Size(max = 1024) String currentPassword,
                          @NotBlank @Size(max = 1024) String newPassword) {
    }

    @Operation(summary = "Change my display name")
    @PatchMapping
    Mono<ResponseEntity<Void>> changeProfile(@Valid @RequestBody ProfileChange change,
                                             @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                             @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        Me me = Me.of(jwt);
        return commands.send(exchange, change, new ChangeProfile(me.accountId(),
                        change.displayName().trim()))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @Operation(summary = "Change my password, proving the current one; ends my other sessions")
    @PutMapping("/password")
    Mono<ResponseEntity<Void>> changePassword(@Valid @RequestBody PasswordChange change,
                                              @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                              @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        Me me = Me.of(jwt);
        String ip = ClientIp.of(exchange.getRequest());
        Duration wait = throttle.waitFor(ip);
        if (!wait.isZero()) {
            return Mono.error(Throttled.retryAfter(wait, "Too many failed attempts from your address"));
        }
        policy.check("newPassword", change.newPassword());
        return Mono.fromCallable(() -> {
                    String current = credentials.passwordHash(me.accountId()).orElse(null);
                    if (!passwords.matchesOrDummy(change.currentPassword(), current)) {
                        throttle.count(ip);
                        throw wrongCurrentPassword();
                    }
                    return new ChangePassword(me.accountId(), passwords.hash(change.newPassword()), me.sessionId());
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(command -> commands.send(exchange, change, command))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @Operation(summary = "End one of my sessions; 'current' is the one this token belongs to (log out)")
    @DeleteMapping("/sessions/{sessionId}")
    Mono<ResponseEntity<Void>> revoke(@PathVariable String sessionId, @AuthenticationPrincipal Jwt jwt,
                                      ServerWebExchange exchange) {
        Me me = Me.of(jwt);
        boolean current = "current".equals(sessionId);
        SessionId target = current ? me.sessionId() : parse(sessionId);
        if (target == null) {
            return Mono.error(Problems.error(HttpStatus.NOT_FOUND, "not-found", "This token belongs to no session"));
        }
        var reason = current || target.equals(me.sessionId()) ? SessionRevocationReason.LOGGED_OUT
                : SessionRevocationReason.REVOKED_BY_USER;
        return commands.sendWithoutKey(exchange, new RevokeSession(me.accountId(), target, reason))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @Operation(summary = "Sign out everywhere: end all my sessions, this one included")
    @DeleteMapping("/sessions")
    Mono<ResponseEntity<Void>> revokeAll(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        Me me = Me.of(jwt);
        return commands.sendWithoutKey(exchange, new RevokeSessions(me.accountId(), null,
                        SessionRevocationReason.SIGNED_OUT_EVERYWHERE))
                .thenReturn(ResponseEntity.noContent().build());
    }

    private static SessionId parse(String sessionId) {
        try {
            return SessionId.of(sessionId);
        } catch (IllegalArgumentException e) {
            throw Problems.error(HttpStatus.NOT_FOUND, "not-found", "You have no session " + sessionId);
        }
    }

    private static RuntimeException wrongCurrentPassword() {
        var error = Problems.error(HttpStatus.BAD_REQUEST, "wrong-current-password", "The current password is wrong");
        error.getBody().setProperty("errors", List.of(Map.of("field", "currentPassword",
                "message", "The current password is wrong")));
        return error;
    }
}
