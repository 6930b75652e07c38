package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.AccountRegistered;
import dev.keel.api.account.EmailVerificationRequested;
import dev.keel.api.account.EmailVerified;
import dev.keel.api.account.LoginFailed;
import dev.keel.api.account.LoginSucceeded;
import dev.keel.api.account.PasswordResetRequested;
import dev.keel.api.account.Role;
import dev.keel.api.account.SessionId;
import dev.keel.api.account.SignInMethod;
import dev.keel.command.claim.ClaimReleases;
import dev.keel.command.claim.UniqueClaims;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** One account's events and commands for aggregate tests, and a fixture with in-memory stores. */
final class AccountFixtures {

    static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    static final Instant SESSION_END = NOW.plus(Duration.ofDays(30));

    final AccountId accountId = AccountId.random();
    final UUID verification = UUID.randomUUID();
    final Map<String, String> claimed = new HashMap<>();
    final InMemoryCredentials credentials = new InMemoryCredentials();
    final InMemoryRefreshTokens tokens = new InMemoryRefreshTokens();
    final InMemoryStaffRoster staff = new InMemoryStaffRoster();
    final Set<AccountId> active = new HashSet<>();
    final Set<AccountId> shredded = new HashSet<>();

    AggregateTestFixture<Account> fixture() {
        var fixture = new AggregateTestFixture<>(Account.class);
        UniqueClaims claims = (scope, value, owner) -> claimed.computeIfAbsent(scope + ":" + value, k -> owner).equals(owner);
        fixture.registerInjectableResource(claims);
        fixture.registerInjectableResource((ClaimReleases) owner -> claimed.values().removeIf(owner::equals));
        fixture.registerInjectableResource(new AccountActivity() {
            @Override
            public void touch(AccountId accountId) {
                active.add(accountId);
            }

            @Override
            public void forget(AccountId accountId) {
                active.remove(accountId);
            }
        });
        fixture.registerInjectableResource((CryptoShredder) shredded::add);
        fixture.registerInjectableResource(new BlindIndex() {
            @Override
            public String ofEmail(String email) {
                return "idx:" + BlindIndex.normalizeEmail(email);
            }

            @Override
            public String ofFirebaseUid(String uid) {
                return "fb:" + uid;
            }
        });
        fixture.registerInjectableResource(credentials);
        fixture.registerInjectableResource(tokens);
        fixture.registerInjectableResource(staff);
        fixture.registerInjectableResource(new LockoutPolicy(5, Duration.ofMinutes(1), Duration.ofHours(1)));
        return fixture;
    }

    AccountRegistered registered() {
        return new AccountRegistered(accountId, "Ada@Example.test", "Ada", Set.of(Role.CUSTOMER), SignInMethod.PASSWORD,
                false);
    }

    RegisterAccount register(String email) {
        return new RegisterAccount(accountId, email, "Ada", "argon2-hash", null, false, Set.of(Role.CUSTOMER),
                verification, NOW.plus(Duration.ofDays(1)));
    }

    EmailVerificationRequested verificationRequested() {
        return new EmailVerificationRequested(accountId, "Ada@Example.test", "Ada", verification,
                NOW.plus(Duration.ofDays(1)));
    }

    EmailVerified verified() {
        return new EmailVerified(accountId, verification);
    }

    /** The mailed link of the registration with a password that matched or not, starting session {@code sessionId}. */
    VerifyEmail verify(boolean proved, SessionId sessionId, Instant at) {
        return new VerifyEmail(accountId, verification, new RecordLogin(accountId, proved, SignInMethod.PASSWORD,
                sessionId, "phone", "hash-v", at, SESSION_END));
    }

    PasswordResetRequested resetRequested(UUID requestId) {
        return new PasswordResetRequested(accountId, "Ada@Example.test", "Ada", requestId, NOW.plus(Duration.ofHours(1)));
    }

    LoginFailed failed(int consecutive) {
        return new LoginFailed(accountId, consecutive);
    }

    LoginSucceeded started(SessionId sessionId) {
        return new LoginSucceeded(accountId, sessionId, "phone", SignInMethod.PASSWORD, SESSION_END);
    }

    RecordLogin login(boolean proved, Instant at) {
        return new RecordLogin(accountId, proved, SignInMethod.PASSWORD, SessionId.random(), "phone", "hash", at,
                at.plus(Duration.ofDays(30)));
    }

    RefreshSession refresh(SessionId sessionId, String presented, String next, String deviceId) {
        return new RefreshSession(accountId, sessionId, presented, next, deviceId, NOW, SESSION_END);
    }
}
