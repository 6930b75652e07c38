package dev.keel.command.account;

import dev.keel.api.account.LinkTokens.Purpose;
import dev.keel.command.account.AccountCommands.RequestPasswordReset;
import dev.keel.command.account.AccountCommands.ResetPassword;
import dev.keel.command.idempotency.IdempotencyKey;
import dev.keel.command.request.ClientIp;
import dev.keel.command.request.CommandSender;
import dev.keel.web.Public;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

@RestController
@RequestMapping("/v1/password-resets")
@Tag(name = "Accounts")
class PasswordResetController {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetController.class);

    private final CommandSender commands;
    private final AccountLookup lookup;
    private final MailedLinks links;
    private final PasswordPolicy policy;
    private final Passwords passwords;
    private final IpThrottle throttle;
    private final IdentityProperties properties;

    PasswordResetController(CommandSender commands, AccountLookup lookup, MailedLinks links, PasswordPolicy policy,
                            Passwords passwords, IpThrottle throttle, IdentityProperties properties) {
        this.commands = commands;
        this.lookup = lookup;
        this.links = links;
        this.policy = policy;
        this.passwords = passwords;
        this.throttle = throttle;
        this.properties = properties;
    }

    record ResetRequest(@NotBlank @Email @Size(max = 320) String email) {
    }

    record ResetConfirmation(@NotBlank @Size(max = 256) String token, @NotBlank @Size(max = 1024) String newPassword) {
    }

    /**
     * Answers 202 before looking the email up, so neither the answer nor its timing says whether an
     * account exists; the lookup and the command run afterwards.
     */
    @Operation(summary = "Ask for a password reset link by email (public). Always 202, whether or not the email"
            + " has an account; 429 when this address asked too often.")
    @Public
    @PostMapping
    Mono<ResponseEntity<Void>> request(@Valid @RequestBody ResetRequest request,
                                       @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                       ServerWebExchange exchange) {
        IdempotencyKey.from(exchange.getRequest()); // a bad key is a 400 now, not a mail that never comes
        String ip = ClientIp.of(exchange.getRequest());
        Duration wait = throttle.waitFor(ip);
        if (!wait.isZero()) {
            return Mono.error(Throttled.retryAfter(wait, "Too many requests from your address"));
        }
        throttle.count(ip);
        Instant expiresAt = Instant.now().plus(properties.resetTtl());
        Mono.fromCallable(() -> lookup.byEmail(request.email()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(account -> account.map(accountId -> commands.send(exchange, request,
                        new RequestPasswordReset(accountId, UUID.randomUUID(), expiresAt))).orElse(Mono.empty()))
                .subscribe(done -> { }, error -> log.warn("A password reset request failed: {}", error.toString()));
        return Mono.just(ResponseEntity.accepted().build());
    }

    @Operation(summary = "Set a new password with the token from the mailed link (public); ends every session")
    @Public
    @PostMapping("/confirmation")
    Mono<ResponseEntity<Void>> confirm(@Valid @RequestBody ResetConfirmation request,
                                       @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                       ServerWebExchange exchange) {
        policy.check("newPassword", request.newPassword());
        return Mono.fromCallable(() -> {
                    Instant now = Instant.now();
                    var link = links.open(request.token(), Purpose.RESET_PASSWORD, now);
                    return new ResetPassword(link.accountId(), link.requestId(), passwords.hash(request.newPassword()), now);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(command -> commands.send(exchange, request, command))
                .thenReturn(ResponseEntity.noContent().build());
    }
}
