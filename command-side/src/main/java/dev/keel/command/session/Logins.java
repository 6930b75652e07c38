package dev.keel.command.session;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.SignInMethod;
import dev.keel.command.account.AccountLookup;
import dev.keel.command.account.BlindIndex;
import dev.keel.command.account.Credentials;
import dev.keel.command.account.UnknownEmailLocks;
import dev.keel.command.password.Passwords;
import dev.keel.command.request.ClientIp;
import dev.keel.command.throttle.IpThrottle;
import dev.keel.command.throttle.Throttled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Email-and-password login. The password is checked on the hashing pool and before the account is
 * asked, with the same Argon2 work whether or not the account exists, and an unknown email fails
 * (and locks) exactly like a wrong password: neither timing nor answer tells which it was.
 */
@Component
class Logins {

    /** The account with this email, if there is one, and its password hash, if it has one. */
    private record Stored(Optional<AccountId> accountId, String hash) {
    }

    private final AccountLookup lookup;
    private final Credentials credentials;
    private final Passwords passwords;
    private final IpThrottle throttle;
    private final UnknownEmailLocks unknownEmails;
    private final BlindIndex index;
    private final SessionStarter sessions;

    Logins(AccountLookup lookup, Credentials credentials, Passwords passwords, IpThrottle throttle,
           UnknownEmailLocks unknownEmails, BlindIndex index, SessionStarter sessions) {
        this.lookup = lookup;
        this.credentials = credentials;
        this.passwords = passwords;
        this.throttle = throttle;
        this.unknownEmails = unknownEmails;
        this.index = index;
        this.sessions = sessions;
    }

    Mono<TokenResponse> logIn(ServerWebExchange exchange, String email, String password, String deviceId) {
        String ip = ClientIp.of(exchange.getRequest());
        Duration wait = throttle.waitFor(ip);
        if (!wait.isZero()) {
            return Mono.error(Throttled.retryAfter(wait, "Too many failed attempts from your address"));
        }
        return Mono.fromCallable(() -> stored(email))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(stored -> passwords.matchesOrDummy(password, stored.hash())
                        .flatMap(matched -> stored.accountId()
                                .map(accountId -> sessions.start(exchange, accountId, matched, SignInMethod.PASSWORD,
                                        deviceId))
                                .orElseGet(() -> Mono.error(unknownEmail(ip, email)))));
    }

    private Stored stored(String email) {
        Optional<AccountId> accountId = lookup.byEmail(email);
        return new Stored(accountId, accountId.flatMap(credentials::passwordHash).orElse(null));
    }

    private RuntimeException unknownEmail(String ip, String email) {
        throttle.count(ip);
        Instant lockedUntil = unknownEmails.failed(index.ofEmail(email), Instant.now());
        return lockedUntil == null ? SessionStarter.invalidCredentials()
                : Throttled.until(lockedUntil, "Too many failed logins for this account");
    }
}
