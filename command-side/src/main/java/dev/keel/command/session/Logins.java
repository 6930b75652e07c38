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

    /** The result of the password check: the account, if there is one, and whether it matched. */
    private record Checked(Optional<AccountId> accountId, boolean matched) {
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

    /**
     * The attempt counts against the client's address before the password is checked, and is given
     * back when the login succeeds or when it was refused before any check (the hashing pool full).
     */
    Mono<TokenResponse> logIn(ServerWebExchange exchange, String email, String password, String deviceId) {
        String ip = ClientIp.of(exchange.getRequest());
        Duration wait = throttle.reserve(ip);
        if (!wait.isZero()) {
            return Mono.error(Throttled.retryAfter(wait, "Too many failed attempts from your address"));
        }
        return Mono.fromCallable(() -> stored(email))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(stored -> passwords.matchesOrDummy(password, stored.hash())
                        .map(matched -> new Checked(stored.accountId(), matched)))
                .doOnError(neverChecked -> throttle.giveBack(ip))
                .flatMap(checked -> checked.accountId()
                        .map(accountId -> sessions.start(exchange, accountId, checked.matched(), SignInMethod.PASSWORD,
                                deviceId))
                        .orElseGet(() -> Mono.error(unknownEmail(email))))
                .doOnSuccess(signedIn -> throttle.giveBack(ip));
    }

    private Stored stored(String email) {
        Optional<AccountId> accountId = lookup.byEmail(email);
        return new Stored(accountId, accountId.flatMap(credentials::passwordHash).orElse(null));
    }

    private RuntimeException unknownEmail(String email) {
        Instant lockedUntil = unknownEmails.failed(index.ofEmail(email), Instant.now());
        return lockedUntil == null ? SessionStarter.invalidCredentials()
                : Throttled.until(lockedUntil, "Too many failed logins for this account");
    }
}
