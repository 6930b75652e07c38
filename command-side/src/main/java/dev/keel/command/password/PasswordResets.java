package dev.keel.command.password;

import dev.keel.api.account.LinkTokens.Purpose;
import dev.keel.command.account.AccountLookup;
import dev.keel.command.account.IdentityProperties;
import dev.keel.command.account.MailedLinks;
import dev.keel.command.account.RequestPasswordReset;
import dev.keel.command.account.ResetPassword;
import dev.keel.command.idempotency.IdempotencyKey;
import dev.keel.command.password.PasswordResetController.ResetConfirmation;
import dev.keel.command.password.PasswordResetController.ResetRequest;
import dev.keel.command.request.ClientIp;
import dev.keel.command.request.CommandSender;
import dev.keel.command.throttle.IpThrottle;
import dev.keel.command.throttle.Throttled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Forgotten passwords: a mailed link, then a new password with its token. */
@Component
class PasswordResets {

    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

    private final CommandSender commands;
    private final AccountLookup lookup;
    private final MailedLinks links;
    private final PasswordPolicy policy;
    private final Passwords passwords;
    private final IpThrottle throttle;
    private final IdentityProperties properties;

    PasswordResets(CommandSender commands, AccountLookup lookup, MailedLinks links, PasswordPolicy policy,
                   Passwords passwords, IpThrottle throttle, IdentityProperties properties) {
        this.commands = commands;
        this.lookup = lookup;
        this.links = links;
        this.policy = policy;
        this.passwords = passwords;
        this.throttle = throttle;
        this.properties = properties;
    }

    /**
     * Completes before the email is looked up, so neither the answer nor its timing says whether an
     * account exists; the lookup and the command run afterwards. Every request counts against the
     * client's address: each one may send a mail.
     */
    Mono<Void> request(ServerWebExchange exchange, ResetRequest request) {
        IdempotencyKey.from(exchange.getRequest()); // a bad key is a 400 now, not a mail that never comes
        String ip = ClientIp.of(exchange.getRequest());
        Duration wait = throttle.reserve(ip);
        if (!wait.isZero()) {
            return Mono.error(Throttled.retryAfter(wait, "Too many requests from your address"));
        }
        Instant expiresAt = Instant.now().plus(properties.resetTtl());
        Mono.fromCallable(() -> lookup.byEmail(request.email()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(account -> account.map(accountId -> commands.send(exchange, request,
                        new RequestPasswordReset(accountId, UUID.randomUUID(), expiresAt))).orElse(Mono.empty()))
                .subscribe(done -> { }, error -> log.warn("A password reset request failed: {}", error.toString()));
        return Mono.empty();
    }

    Mono<Void> confirm(ServerWebExchange exchange, ResetConfirmation confirmation) {
        Instant now = Instant.now();
        return Mono.fromCallable(() -> {
                    policy.check("newPassword", confirmation.newPassword());
                    return links.open(confirmation.token(), Purpose.RESET_PASSWORD, now);
                })
                .flatMap(link -> passwords.hash(confirmation.newPassword())
                        .map(hash -> new ResetPassword(link.accountId(), link.requestId(), hash, now)))
                .flatMap(command -> commands.send(exchange, confirmation, command))
                .then();
    }
}
