package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.AccountLockedOut;
import dev.keel.api.account.AccountRegistered;
import dev.keel.api.account.EmailVerificationRequested;
import dev.keel.api.account.EmailVerified;
import dev.keel.api.account.FirebaseUserLinked;
import dev.keel.api.account.LoginFailed;
import dev.keel.api.account.LoginSucceeded;
import dev.keel.api.account.PasswordChanged;
import dev.keel.api.account.PasswordReset;
import dev.keel.api.account.PasswordResetRequested;
import dev.keel.api.account.Role;
import dev.keel.api.account.SessionId;
import dev.keel.api.account.SessionRefreshed;
import dev.keel.api.account.SessionRevocationReason;
import dev.keel.api.account.SessionRevoked;
import dev.keel.api.account.SignInMethod;
import dev.keel.command.account.AccountCommands.ChangePassword;
import dev.keel.command.account.AccountCommands.LinkFirebaseUser;
import dev.keel.command.account.AccountCommands.RecordLogin;
import dev.keel.command.account.AccountCommands.RefreshSession;
import dev.keel.command.account.AccountCommands.RegisterAccount;
import dev.keel.command.account.AccountCommands.ResetPassword;
import dev.keel.command.account.AccountCommands.VerifyEmail;
import dev.keel.command.claim.UniqueClaims;
import dev.keel.command.rejection.CommandRejected;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AccountTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final Instant SESSION_END = NOW.plus(Duration.ofDays(30));

    private final AccountId accountId = AccountId.random();
    private final UUID verification = UUID.randomUUID();
    private final Map<String, String> claimed = new HashMap<>();
    private final Map<AccountId, String> passwords = new HashMap<>();
    private final FakeRefreshTokens tokens = new FakeRefreshTokens();
    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        UniqueClaims claims = (scope, value, owner) -> claimed.computeIfAbsent(scope + ":" + value, k -> owner).equals(owner);
        fixture.registerInjectableResource(claims);
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
        fixture.registerInjectableResource(new Credentials(null) {
            @Override
            void set(AccountId id, String hash) {
                passwords.put(id, hash);
            }
        });
        fixture.registerInjectableResource(tokens);
        fixture.registerInjectableResource(new LockoutPolicy(5, Duration.ofMinutes(1), Duration.ofHours(1)));
    }

    @Test
    void registeringClaimsTheEmailIndexStoresTheHashAndAsksForVerification() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAccount(accountId, "Ada@Example.test", "Ada", "argon2-hash", null, false,
                        Set.of(Role.CUSTOMER), verification, NOW.plus(Duration.ofDays(1))))
                .expectEvents(registered(),
                        new EmailVerificationRequested(accountId, "Ada@Example.test", "Ada", verification,
                                NOW.plus(Duration.ofDays(1))));
        assertThat(claimed).containsEntry(Account.EMAIL_SCOPE + ":idx:ada@example.test", accountId.toString());
        assertThat(passwords).containsEntry(accountId, "argon2-hash");
    }

    @Test
    void anEmailThatAnotherAccountHoldsIsRefused() {
        claimed.put(Account.EMAIL_SCOPE + ":idx:ada@example.test", AccountId.random().toString());
        fixture.givenNoPriorActivity()
                .when(new RegisterAccount(accountId, "ada@example.test", "Ada", "hash", null, false,
                        Set.of(Role.CUSTOMER), verification, NOW))
                .expectException(CommandRejected.class)
                .expectNoEvents();
        assertThat(passwords).isEmpty();
    }

    @Test
    void theVerificationLinkWorksOnceAndNotAfterItExpires() {
        fixture.given(registered(), verificationRequested(), new EmailVerified(accountId, verification))
                .when(new VerifyEmail(accountId, verification, NOW))
                .expectExceptionMessage("This email verification link was already used or a newer one was sent");
        fixture.given(registered(), verificationRequested())
                .when(new VerifyEmail(accountId, verification, NOW.plus(Duration.ofDays(2))))
                .expectException(CommandRejected.class)
                .expectNoEvents();
    }

    @Test
    void aResetLinkAskedForBeforeAPasswordChangeNoLongerWorks() {
        UUID reset = UUID.randomUUID();
        fixture.given(registered(), resetRequested(reset), new PasswordChanged(accountId))
                .when(new ResetPassword(accountId, reset, "new-hash", NOW))
                .expectException(CommandRejected.class)
                .expectNoEvents();
    }

    @Test
    void aResetProvesTheAddressOfAnAccountThatNeverVerifiedIt() {
        UUID reset = UUID.randomUUID();
        fixture.given(registered(), verificationRequested(), resetRequested(reset))
                .when(new ResetPassword(accountId, reset, "new-hash", NOW))
                .expectEvents(new PasswordReset(accountId, reset), new EmailVerified(accountId, reset));
    }

    @Test
    void aFirebaseUserIsLinkedOnlyToAnAccountWhoseAddressWasProven() {
        fixture.given(registered(), verificationRequested())
                .when(new LinkFirebaseUser(accountId, "uid-1"))
                .expectException(CommandRejected.class)
                .expectNoEvents();
        fixture.given(registered(), verificationRequested(), new EmailVerified(accountId, verification))
                .when(new LinkFirebaseUser(accountId, "uid-1"))
                .expectEvents(new FirebaseUserLinked(accountId, "uid-1"));
    }

    @Test
    void theFifthFailedLoginInARowLocksTheAccountForAMinute() {
        fixture.given(registered(), failed(1), failed(2), failed(3), failed(4))
                .when(login(false, NOW))
                .expectEvents(failed(5), new AccountLockedOut(accountId, NOW.plus(Duration.ofMinutes(1)), 1))
                .expectResultMessagePayload(LoginOutcome.lockedOut(NOW.plus(Duration.ofMinutes(1))));
    }

    @Test
    void eachFurtherLockoutLastsTwiceAsLong() {
        Instant later = NOW.plus(Duration.ofMinutes(5));
        fixture.given(registered(), failed(5), new AccountLockedOut(accountId, NOW.plus(Duration.ofMinutes(1)), 1),
                        failed(1), failed(2), failed(3), failed(4))
                .when(login(false, later))
                .expectEvents(failed(5), new AccountLockedOut(accountId, later.plus(Duration.ofMinutes(2)), 2));
    }

    @Test
    void aLockedAccountRefusesEvenTheRightPasswordAndRecordsNothing() {
        Instant until = NOW.plus(Duration.ofMinutes(1));
        fixture.given(registered(), new AccountLockedOut(accountId, until, 1))
                .when(login(true, NOW))
                .expectNoEvents()
                .expectResultMessagePayload(LoginOutcome.lockedOut(until));
        assertThat(tokens.issued).isEmpty();
    }

    @Test
    void aSuccessfulLoginStartsASessionAndStoresOnlyTheTokenHash() {
        SessionId sessionId = SessionId.random();
        fixture.given(registered(), failed(1))
                .when(new RecordLogin(accountId, true, SignInMethod.PASSWORD, sessionId, "phone", "hash-1", NOW, SESSION_END))
                .expectEvents(new LoginSucceeded(accountId, sessionId, "phone", SignInMethod.PASSWORD, SESSION_END))
                .expectResultMessagePayload(LoginOutcome.succeeded(Set.of(Role.CUSTOMER)));
        assertThat(tokens.issued).containsEntry("hash-1", sessionId);
    }

    @Test
    void aRefreshRotatesTheToken() {
        SessionId sessionId = SessionId.random();
        tokens.issue("hash-1", accountId, sessionId, SESSION_END);
        fixture.given(registered(), started(sessionId))
                .when(new RefreshSession(accountId, sessionId, "hash-1", "hash-2", "phone", NOW, SESSION_END))
                .expectEvents(new SessionRefreshed(accountId, sessionId, SESSION_END))
                .expectResultMessagePayload(RefreshOutcome.refreshed(Set.of(Role.CUSTOMER)));
        assertThat(tokens.rotated).containsExactly("hash-1");
    }

    @Test
    void aRotatedTokenPresentedAgainRevokesTheSession() {
        SessionId sessionId = SessionId.random();
        tokens.issue("hash-1", accountId, sessionId, SESSION_END);
        tokens.rotate("hash-1");
        fixture.given(registered(), started(sessionId))
                .when(new RefreshSession(accountId, sessionId, "hash-1", "hash-3", "phone", NOW, SESSION_END))
                .expectEvents(new SessionRevoked(accountId, sessionId, SessionRevocationReason.REFRESH_TOKEN_REUSED))
                .expectResultMessagePayload(RefreshOutcome.reused());
    }

    @Test
    void aRefreshFromAnotherDeviceIsRefusedWithoutRotating() {
        SessionId sessionId = SessionId.random();
        tokens.issue("hash-1", accountId, sessionId, SESSION_END);
        fixture.given(registered(), started(sessionId))
                .when(new RefreshSession(accountId, sessionId, "hash-1", "hash-2", "laptop", NOW, SESSION_END))
                .expectNoEvents()
                .expectResultMessagePayload(RefreshOutcome.refused());
        assertThat(tokens.rotated).isEmpty();
    }

    @Test
    void changingThePasswordEndsEveryOtherSession() {
        SessionId here = SessionId.random();
        SessionId elsewhere = SessionId.random();
        fixture.given(registered(), started(here), started(elsewhere))
                .when(new ChangePassword(accountId, "new-hash", here))
                .expectEvents(new PasswordChanged(accountId),
                        new SessionRevoked(accountId, elsewhere, SessionRevocationReason.PASSWORD_CHANGED));
        assertThat(passwords).containsEntry(accountId, "new-hash");
    }

    private AccountRegistered registered() {
        return new AccountRegistered(accountId, "Ada@Example.test", "Ada", Set.of(Role.CUSTOMER), SignInMethod.PASSWORD,
                false);
    }

    private PasswordResetRequested resetRequested(UUID requestId) {
        return new PasswordResetRequested(accountId, "Ada@Example.test", "Ada", requestId, NOW.plus(Duration.ofHours(1)));
    }

    private EmailVerificationRequested verificationRequested() {
        return new EmailVerificationRequested(accountId, "Ada@Example.test", "Ada", verification,
                NOW.plus(Duration.ofDays(1)));
    }

    private LoginFailed failed(int consecutive) {
        return new LoginFailed(accountId, consecutive);
    }

    private LoginSucceeded started(SessionId sessionId) {
        return new LoginSucceeded(accountId, sessionId, "phone", SignInMethod.PASSWORD, SESSION_END);
    }

    private RecordLogin login(boolean proved, Instant at) {
        return new RecordLogin(accountId, proved, SignInMethod.PASSWORD, SessionId.random(), "phone", "hash", at,
                at.plus(Duration.ofDays(30)));
    }

    /** The refresh-token table, in memory. */
    static final class FakeRefreshTokens extends RefreshTokens {
        final Map<String, SessionId> issued = new HashMap<>();
        final Map<String, AccountId> owners = new HashMap<>();
        final List<String> rotated = new ArrayList<>();

        FakeRefreshTokens() {
            super(null);
        }

        @Override
        Optional<Stored> find(String tokenHash) {
            return Optional.ofNullable(issued.get(tokenHash))
                    .map(session -> new Stored(owners.get(tokenHash), session, rotated.contains(tokenHash)));
        }

        @Override
        void issue(String tokenHash, AccountId accountId, SessionId sessionId, Instant expiresAt) {
            issued.put(tokenHash, sessionId);
            owners.put(tokenHash, accountId);
        }

        @Override
        boolean rotate(String tokenHash) {
            if (rotated.contains(tokenHash)) {
                return false;
            }
            rotated.add(tokenHash);
            return true;
        }
    }
}
