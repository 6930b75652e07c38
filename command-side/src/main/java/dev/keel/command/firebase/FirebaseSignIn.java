package dev.keel.command.firebase;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.Role;
import dev.keel.api.account.SignInMethod;
import dev.keel.command.account.AccountLookup;
import dev.keel.command.account.IdentityProperties;
import dev.keel.command.account.LinkFirebaseUser;
import dev.keel.command.account.RegisterAccount;
import dev.keel.command.request.CommandSender;
import dev.keel.command.session.SessionStarter;
import dev.keel.command.session.TokenResponse;
import dev.keel.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Firebase ID token in, Keel session out: the account linked to the Firebase user; else the account
 * with the same email, linked now if Firebase verified that email; else a new account.
 */
@Component
class FirebaseSignIn {

    private final FirebaseIdTokens idTokens;
    private final AccountLookup lookup;
    private final CommandSender commands;
    private final SessionStarter sessions;
    private final IdentityProperties properties;

    FirebaseSignIn(FirebaseIdTokens idTokens, AccountLookup lookup, CommandSender commands, SessionStarter sessions,
                   IdentityProperties properties) {
        this.idTokens = idTokens;
        this.lookup = lookup;
        this.commands = commands;
        this.sessions = sessions;
        this.properties = properties;
    }

    Mono<TokenResponse> signIn(ServerWebExchange exchange, String idToken, String deviceId) {
        return Mono.fromCallable(() -> idTokens.verify(idToken))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(identity -> Mono.fromCallable(() -> lookup.byFirebaseUid(identity.uid()))
                        .flatMap(linked -> linked.map(Mono::just).orElseGet(() -> linkOrRegister(exchange, identity))))
                .flatMap(accountId -> sessions.start(exchange, accountId, true, SignInMethod.FIREBASE, deviceId));
    }

    private Mono<AccountId> linkOrRegister(ServerWebExchange exchange, FirebaseIdentity identity) {
        if (identity.email() == null || identity.email().isBlank()) {
            return Mono.error(Problems.error(HttpStatus.UNPROCESSABLE_CONTENT, "firebase-email-missing",
                    "Keel accounts need an email address, and this Firebase user has none"));
        }
        if (!identity.emailVerified()) {
            // An unproven address would claim it for whoever controls this Firebase user.
            return Mono.error(Problems.error(HttpStatus.FORBIDDEN, "email-not-verified",
                    "Verify the email address in Firebase first, or register or log in with a password"));
        }
        return Mono.fromCallable(() -> lookup.byEmail(identity.email())).flatMap(existing -> {
            if (existing.isEmpty()) {
                return register(exchange, identity);
            }
            return commands.sendWithoutKey(exchange, new LinkFirebaseUser(existing.get(), identity.uid()))
                    .thenReturn(existing.get());
        });
    }

    /**
     * The Firebase user chooses their name freely: keep what a registration would accept (100
     * characters, no NUL, no unpaired surrogate), else fall back to the email's local part.
     */
    static String displayName(String firebaseName, String email) {
        String name = firebaseName == null ? "" : firebaseName.replace("\u0000", "").strip();
        if (name.codePointCount(0, name.length()) > 100) {
            name = name.substring(0, name.offsetByCodePoints(0, 100));
        }
        boolean wellFormed = name.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
        return name.isEmpty() || !wellFormed ? email.split("@")[0] : name;
    }

    private Mono<AccountId> register(ServerWebExchange exchange, FirebaseIdentity identity) {
        String email = identity.email().trim();
        String name = displayName(identity.name(), email);
        var command = new RegisterAccount(AccountId.random(), email, name, null, identity.uid(),
                true, Set.of(Role.CUSTOMER), UUID.randomUUID(),
                Instant.now().plus(properties.verificationTtl()));
        return commands.sendWithoutKey(exchange, command);
    }
}
