package dev.keel.command.session;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.Role;
import dev.keel.api.account.SessionId;
import dev.keel.api.account.SignInMethod;
import dev.keel.command.account.IdentityProperties;
import dev.keel.command.account.LoginOutcome;
import dev.keel.command.account.RecordLogin;
import dev.keel.command.account.RefreshOutcome;
import dev.keel.command.account.RefreshSession;
import dev.keel.command.account.RefreshTokens;
import dev.keel.command.account.VerifyEmail;
import dev.keel.command.request.CommandSender;
import dev.keel.command.throttle.Throttled;
import dev.keel.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns a checked sign-in into a session (or a counted failure), also when it comes with a mailed
 * verification link, and rotates refresh tokens. All answer with a fresh access token and a fresh
 * refresh token.
 */
@Component
public class SessionStarter {

    private final CommandSender commands;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final IdentityProperties properties;
    private final RefreshRate rate;

    SessionStarter(CommandSender commands, AccessTokens accessTokens, RefreshTokens refreshTokens,
                   IdentityProperties properties, RefreshRate rate) {
        this.commands = commands;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.properties = properties;
        this.rate = rate;
    }

    public Mono<TokenResponse> start(ServerWebExchange exchange, AccountId accountId, boolean proved, SignInMethod method,
                              String deviceId) {
        String refreshToken = OpaqueTokens.newToken();
        RecordLogin login = login(accountId, proved, method, deviceId, refreshToken);
        return commands.<LoginOutcome>sendWithoutKey(exchange, login)
                .map(outcome -> answer(login, refreshToken, outcome, SessionStarter::invalidCredentials));
    }

    /**
     * Proves the address with the mailed link of {@code requestId} and the account's password (checked
     * already: {@code proved}), and starts a session on the device in the same command.
     */
    public Mono<TokenResponse> verifyAndStart(ServerWebExchange exchange, AccountId accountId, UUID requestId,
                                              boolean proved, String deviceId) {
        String refreshToken = OpaqueTokens.newToken();
        RecordLogin login = login(accountId, proved, SignInMethod.PASSWORD, deviceId, refreshToken);
        return commands.<LoginOutcome>sendWithoutKey(exchange, new VerifyEmail(accountId, requestId, login))
                .map(outcome -> answer(login, refreshToken, outcome, () -> Problems.error(HttpStatus.UNAUTHORIZED,
                        "invalid-credentials", "The password is wrong. If you did not sign up with this address"
                                + " yourself, somebody else did: reset the password to take the account over")));
    }

    private RecordLogin login(AccountId accountId, boolean proved, SignInMethod method, String deviceId,
                              String refreshToken) {
        Instant now = Instant.now();
        return new RecordLogin(accountId, proved, method, SessionId.random(), deviceId, OpaqueTokens.hash(refreshToken),
                now, now.plus(properties.refreshTokenTtl()));
    }

    private TokenResponse answer(RecordLogin login, String refreshToken,
                                 LoginOutcome outcome, Supplier<ErrorResponseException> wrongPassword) {
        return switch (outcome.status()) {
            case SUCCEEDED -> tokens(login.accountId(), login.sessionId(), outcome.roles(), refreshToken);
            case FAILED -> throw wrongPassword.get();
            case LOCKED_OUT -> throw Throttled.until(outcome.lockedUntil(), "Too many failed logins for this account");
            case EMAIL_NOT_VERIFIED -> throw Problems.error(HttpStatus.FORBIDDEN, "email-not-verified",
                    "This account's email address is not verified yet: open the link we mailed to it, which asks"
                            + " for this password and signs you in. Link lost or expired? Ask for a password reset,"
                            + " which proves the address too");
        };
    }

    /**
     * A session over its refresh limit gets 429 and nothing changes: the presented token stays valid.
     * A token rotated already is not limited: presenting it again is reuse, which revokes the session.
     */
    Mono<TokenResponse> refresh(ServerWebExchange exchange, String presentedToken, String deviceId) {
        String presentedHash = OpaqueTokens.hash(presentedToken);
        return Mono.fromCallable(() -> refreshTokens.find(presentedHash).map(stored -> {
                    Duration wait = stored.rotated() ? Duration.ZERO : rate.waitBefore(stored.sessionId());
                    if (!wait.isZero()) {
                        throw Throttled.tooManyRequests(wait, "This session refreshed too often; its refresh token"
                                + " still works");
                    }
                    return stored;
                }))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(stored -> stored.map(Mono::just).orElseGet(() -> Mono.error(invalidRefreshToken())))
                .flatMap(stored -> {
                    String newToken = OpaqueTokens.newToken();
                    Instant now = Instant.now();
                    var command = new RefreshSession(stored.accountId(), stored.sessionId(), presentedHash,
                            OpaqueTokens.hash(newToken), deviceId, now, now.plus(properties.refreshTokenTtl()));
                    return commands.<RefreshOutcome>sendWithoutKey(exchange, command)
                            .map(outcome -> switch (outcome.status()) {
                                case REFRESHED -> tokens(stored.accountId(), stored.sessionId(), outcome.roles(), newToken);
                                case REUSED -> throw Problems.error(HttpStatus.UNAUTHORIZED, "refresh-token-reused",
                                        "This refresh token was used before, so it may have been stolen: its session"
                                                + " is now revoked. Log in again.");
                                case REFUSED -> throw invalidRefreshToken();
                            });
                });
    }

    static ErrorResponseException invalidCredentials() {
        return Problems.error(HttpStatus.UNAUTHORIZED, "invalid-credentials", "The email or the password is wrong");
    }

    private static ErrorResponseException invalidRefreshToken() {
        return Problems.error(HttpStatus.UNAUTHORIZED, "invalid-refresh-token",
                "This refresh token is unknown, expired, revoked or belongs to another device; log in again");
    }

    private TokenResponse tokens(AccountId accountId, SessionId sessionId, Set<Role> roles,
                                 String refreshToken) {
        return new TokenResponse(accessTokens.issue(accountId, sessionId, roles), "Bearer",
                accessTokens.ttl().toSeconds(), refreshToken, accountId, sessionId);
    }
}
