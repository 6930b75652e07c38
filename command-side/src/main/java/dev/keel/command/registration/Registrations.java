package dev.keel.command.registration;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.LinkTokens.Purpose;
import dev.keel.api.account.Role;
import dev.keel.command.account.IdentityProperties;
import dev.keel.command.account.MailedLinks;
import dev.keel.command.account.RegisterAccount;
import dev.keel.command.account.Credentials;
import dev.keel.command.password.PasswordPolicy;
import dev.keel.command.password.Passwords;
import dev.keel.command.registration.RegistrationController.RegisterRequest;
import dev.keel.command.registration.RegistrationController.VerificationRequest;
import dev.keel.command.request.ClientIp;
import dev.keel.command.request.CommandSender;
import dev.keel.command.session.SessionStarter;
import dev.keel.command.session.TokenResponse;
import dev.keel.command.throttle.IpThrottle;
import dev.keel.command.throttle.SignUpThrottle;
import dev.keel.command.throttle.Throttled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A new customer account with a password (hashed on the hashing pool), which asks for its address
 * to be verified; and the verification with the mailed link's token and the account's password,
 * which signs the customer in. The password is checked like a login's (throttled by address, on the
 * hashing pool, a failure counts towards the lockout), so the link is no way around either.
 */
@Component
class Registrations {

    private final CommandSender commands;
    private final PasswordPolicy policy;
    private final Passwords passwords;
    private final MailedLinks links;
    private final Credentials credentials;
    private final IpThrottle failures;
    private final SignUpThrottle signUps;
    private final SessionStarter sessions;
    private final IdentityProperties properties;

    Registrations(CommandSender commands, PasswordPolicy policy, Passwords passwords, MailedLinks links,
                  Credentials credentials, IpThrottle failures, SignUpThrottle signUps, SessionStarter sessions,
                  IdentityProperties properties) {
        this.commands = commands;
        this.policy = policy;
        this.passwords = passwords;
        this.links = links;
        this.credentials = credentials;
        this.failures = failures;
        this.signUps = signUps;
        this.sessions = sessions;
        this.properties = properties;
    }

    /** Counts against the client's address once the password was hashed (refused before: given back). */
    Mono<AccountId> register(ServerWebExchange exchange, RegisterRequest request) {
        String ip = ClientIp.of(exchange.getRequest());
        Duration wait = signUps.take(ip);
        if (!wait.isZero()) {
            return Mono.error(Throttled.tooManyRequests(wait, "Too many sign-ups from your address"));
        }
        String email = request.email().trim();
        String displayName = request.displayName().trim();
        Instant now = Instant.now();
        return Mono.fromRunnable(() -> policy.check("password", request.password(), email, displayName))
                .then(passwords.hash(request.password()))
                .doOnError(notHashed -> signUps.giveBack(ip))
                .flatMap(hash -> commands.create(exchange, request, id -> new RegisterAccount(new AccountId(id), email,
                        displayName, hash, null, false, Set.of(Role.CUSTOMER), UUID.randomUUID(),
                        now.plus(properties.verificationTtl()))));
    }

    /** Like a login, the attempt counts against the address before the password check; a success gives it back. */
    Mono<TokenResponse> verify(ServerWebExchange exchange, VerificationRequest request) {
        String ip = ClientIp.of(exchange.getRequest());
        Duration wait = failures.reserve(ip);
        if (!wait.isZero()) {
            return Mono.error(Throttled.retryAfter(wait, "Too many failed attempts from your address"));
        }
        Instant now = Instant.now();
        return Mono.fromCallable(() -> links.open(request.token(), Purpose.VERIFY_EMAIL, now))
                .flatMap(link -> Mono.fromCallable(() -> credentials.passwordHash(link.accountId()))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(hash -> passwords.matchesOrDummy(request.password(), hash.orElse(null)))
                        .doOnError(neverChecked -> failures.giveBack(ip))
                        .flatMap(proved -> sessions.verifyAndStart(exchange, link.accountId(), link.requestId(), proved,
                                request.deviceId())))
                .doOnSuccess(signedIn -> failures.giveBack(ip));
    }
}
