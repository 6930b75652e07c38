package dev.keel.command.registration;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.LinkTokens.Purpose;
import dev.keel.api.account.Role;
import dev.keel.command.account.IdentityProperties;
import dev.keel.command.account.MailedLinks;
import dev.keel.command.account.RegisterAccount;
import dev.keel.command.account.VerifyEmail;
import dev.keel.command.password.PasswordPolicy;
import dev.keel.command.password.Passwords;
import dev.keel.command.registration.RegistrationController.RegisterRequest;
import dev.keel.command.registration.RegistrationController.VerificationRequest;
import dev.keel.command.request.ClientIp;
import dev.keel.command.request.CommandSender;
import dev.keel.command.throttle.SignUpThrottle;
import dev.keel.command.throttle.Throttled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A new customer account with a password (hashed on the hashing pool), which asks for its address
 * to be verified; and the verification with the mailed link's token.
 */
@Component
class Registrations {

    private final CommandSender commands;
    private final PasswordPolicy policy;
    private final Passwords passwords;
    private final MailedLinks links;
    private final IdentityProperties properties;
    private final SignUpThrottle throttle;

    Registrations(CommandSender commands, PasswordPolicy policy, Passwords passwords, MailedLinks links,
                  IdentityProperties properties, SignUpThrottle throttle) {
        this.commands = commands;
        this.policy = policy;
        this.passwords = passwords;
        this.links = links;
        this.properties = properties;
        this.throttle = throttle;
    }

    /** Counts against the client's address once the password was hashed (refused before: given back). */
    Mono<AccountId> register(ServerWebExchange exchange, RegisterRequest request) {
        String ip = ClientIp.of(exchange.getRequest());
        Duration wait = throttle.take(ip);
        if (!wait.isZero()) {
            return Mono.error(Throttled.tooManyRequests(wait, "Too many sign-ups from your address"));
        }
        String email = request.email().trim();
        String displayName = request.displayName().trim();
        Instant now = Instant.now();
        return Mono.fromRunnable(() -> policy.check("password", request.password(), email, displayName))
                .then(passwords.hash(request.password()))
                .doOnError(notHashed -> throttle.giveBack(ip))
                .map(hash -> new RegisterAccount(AccountId.random(), email, displayName, hash, null, false,
                        Set.of(Role.CUSTOMER), UUID.randomUUID(), now.plus(properties.verificationTtl())))
                .flatMap(command -> commands.send(exchange, request, command));
    }

    Mono<Void> verify(ServerWebExchange exchange, VerificationRequest request) {
        Instant now = Instant.now();
        return Mono.fromCallable(() -> links.open(request.token(), Purpose.VERIFY_EMAIL, now))
                .flatMap(link -> commands.send(exchange, request, new VerifyEmail(link.accountId(), link.requestId(), now)))
                .then();
    }
}
