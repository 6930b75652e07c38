package dev.keel.command.password;

import dev.keel.command.account.ChangePassword;
import dev.keel.command.account.Credentials;
import dev.keel.command.password.PasswordChangeController.PasswordChange;
import dev.keel.command.request.ClientIp;
import dev.keel.command.request.CommandSender;
import dev.keel.command.throttle.IpThrottle;
import dev.keel.command.throttle.Throttled;
import dev.keel.web.Me;
import dev.keel.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A signed-in user changing their password. The current one must be proven (a stolen access token
 * alone cannot take the account over), and wrong guesses count against the client's address like
 * failed logins. Hashing runs on the hashing pool.
 */
@Component
class PasswordChanges {

    private final CommandSender commands;
    private final Credentials credentials;
    private final Passwords passwords;
    private final PasswordPolicy policy;
    private final IpThrottle throttle;

    PasswordChanges(CommandSender commands, Credentials credentials, Passwords passwords, PasswordPolicy policy,
                    IpThrottle throttle) {
        this.commands = commands;
        this.credentials = credentials;
        this.passwords = passwords;
        this.policy = policy;
        this.throttle = throttle;
    }

    Mono<Void> change(ServerWebExchange exchange, Me me, PasswordChange change) {
        String ip = ClientIp.of(exchange.getRequest());
        Duration wait = throttle.reserve(ip);
        if (!wait.isZero()) {
            return Mono.error(Throttled.retryAfter(wait, "Too many failed attempts from your address"));
        }
        return Mono.fromCallable(() -> {
                    policy.check("newPassword", change.newPassword());
                    return credentials.passwordHash(me.accountId());
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(current -> passwords.matchesOrDummy(change.currentPassword(), current.orElse(null)))
                .doOnError(neverChecked -> throttle.giveBack(ip))
                .flatMap(matched -> {
                    if (!matched) {
                        return Mono.error(wrongCurrentPassword());
                    }
                    throttle.giveBack(ip);
                    return passwords.hash(change.newPassword());
                })
                .map(hash -> new ChangePassword(me.accountId(), hash, me.sessionId()))
                .flatMap(command -> commands.send(exchange, change, command))
                .then();
    }

    private static RuntimeException wrongCurrentPassword() {
        var error = Problems.error(HttpStatus.BAD_REQUEST, "wrong-current-password", "The current password is wrong");
        error.getBody().setProperty("errors", List.of(Map.of("field", "currentPassword",
                "message", "The current password is wrong")));
        return error;
    }
}
