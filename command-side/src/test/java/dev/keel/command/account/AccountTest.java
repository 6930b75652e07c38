package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.AccountLockedOut;
import dev.keel.api.account.EmailVerified;
import dev.keel.api.account.FirebaseUserLinked;
import dev.keel.api.account.LoginSucceeded;
import dev.keel.api.account.PasswordChanged;
import dev.keel.api.account.PasswordReset;
import dev.keel.api.account.Role;
import dev.keel.api.account.RoleGranted;
import dev.keel.api.account.RoleRevoked;
import dev.keel.api.account.SessionId;
import dev.keel.api.account.SessionRefreshed;
import dev.keel.api.account.SessionRevocationReason;
import dev.keel.api.account.SessionRevoked;
import dev.keel.api.account.SignInMethod;
import dev.keel.command.rejection.CommandRejected;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static dev.keel.command.account.AccountFixtures.NOW;
import static dev.keel.command.account.AccountFixtures.SESSION_END;
import static org.assertj.core.api.Assertions.assertThat;

class AccountTest {

    private final AccountFixtures account = new AccountFixtures();
    private final AggregateTestFixture<Account> fixture = account.fixture();
    private final AccountId accountId = account.accountId;

    @Test
    void registeringAsksForTheEmailToBeVerified() {
        fixture.givenNoPriorActivity()
                .when(account.register("Ada@Example.test"))
                .expectEvents(account.registered(), account.verificationRequested());
    }

    @Test
    void registeringClaimsTheNormalizedEmail() {
        fixture.givenNoPriorActivity().when(account.register("Ada@Example.test"));
        assertThat(account.claimed).containsEntry(Account.EMAIL_SCOPE + ":idx:ada@example.test", accountId.toString());
    }

    @Test
    void registeringStoresThePasswordHashOutsideTheEvents() {
        fixture.givenNoPriorActivity().when(account.register("Ada@Example.test"));
        assertThat(account.credentials.hashes).containsEntry(accountId, "argon2-hash");
    }

    @Test
    void anEmailThatAnotherAccountHoldsIsRefusedAndNoHashIsStored() {
        account.claimed.put(Account.EMAIL_SCOPE + ":idx:ada@example.test", AccountId.random().toString());
        fixture.givenNoPriorActivity()
                .when(account.register("ada@example.test"))
                .expectException(CommandRejected.class)
                .expectNoEvents();
        assertThat(account.credentials.hashes).isEmpty();
    }

    @Test
    void theVerificationLinkWithThePasswordProvesTheAddressAndStartsASession() {
        SessionId sessionId = SessionId.random();
        fixture.given(account.registered(), account.verificationRequested())
                .when(account.verify(true, sessionId, NOW))
                .expectEvents(account.verified(),
                        new LoginSucceeded(accountId, sessionId, "phone", SignInMethod.PASSWORD, SESSION_END))
                .expectResultMessagePayload(LoginOutcome.succeeded(Set.of(Role.CUSTOMER)));
        assertThat(account.tokens.issued).containsOnlyKeys("hash-v");
    }

    /** The mailbox owner who did not register must not take over the registrant's password: reset instead. */
    @Test
    void theVerificationLinkWithAWrongPasswordVerifiesNothingAndCountsAsAFailedLogin() {
        fixture.given(account.registered(), account.verificationRequested())
                .when(account.verify(false, SessionId.random(), NOW))
                .expectEvents(account.failed(1))
                .expectResultMessagePayload(LoginOutcome.failed());
        assertThat(account.tokens.issued).isEmpty();
    }

    @Test
    void aLockedAccountIsNotVerifiedEvenWithTheRightPassword() {
        Instant until = NOW.plus(Duration.ofMinutes(1));
        fixture.given(account.registered(), account.verificationRequested(), new AccountLockedOut(accountId, until, 1))
                .when(account.verify(true, SessionId.random(), NOW))
                .expectNoEvents()
                .expectResultMessagePayload(LoginOutcome.lockedOut(until));
    }

    @Test
    void aUsedVerificationLinkIsRefusedSayingSo() {
        fixture.given(account.registered(), account.verificationRequested(), account.verified())
                .when(account.verify(true, SessionId.random(), NOW))
                .expectExceptionMessage("This email verification link was already used or a newer one was sent");
    }

    @Test
    void anExpiredVerificationLinkIsRefused() {
        fixture.given(account.registered(), account.verificationRequested())
                .when(account.verify(true, SessionId.random(), NOW.plus(Duration.ofDays(2))))
                .expectException(CommandRejected.class)
                .expectNoEvents();
    }

    /** Whoever registered the address (perhaps somebody else's) gets no session until it is proven. */
    @Test
    void theRightPasswordOnAnAccountThatNeverProvedItsAddressStartsNoSession() {
        fixture.given(account.registered(), account.verificationRequested())
                .when(account.login(true, NOW))
                .expectNoEvents()
                .expectResultMessagePayload(LoginOutcome.emailNotVerified());
        assertThat(account.tokens.issued).isEmpty();
    }

    @Test
    void aWrongPasswordOnAnAccountThatNeverProvedItsAddressFailsLikeAnyOther() {
        fixture.given(account.registered(), account.verificationRequested())
                .when(account.login(false, NOW))
                .expectEvents(account.failed(1))
                .expectResultMessagePayload(LoginOutcome.failed());
    }

    @Test
    void aResetLinkAskedForBeforeAPasswordChangeNoLongerWorks() {
        UUID reset = UUID.randomUUID();
        fixture.given(account.registered(), account.resetRequested(reset), new PasswordChanged(accountId))
                .when(new ResetPassword(accountId, reset, "new-hash", NOW))
                .expectException(CommandRejected.class)
                .expectNoEvents();
    }

    @Test
    void aResetProvesTheAddressOfAnAccountThatNeverVerifiedIt() {
        UUID reset = UUID.randomUUID();
        fixture.given(account.registered(), account.verificationRequested(), account.resetRequested(reset))
                .when(new ResetPassword(accountId, reset, "new-hash", NOW))
                .expectEvents(new PasswordReset(accountId, reset), new EmailVerified(accountId, reset));
    }

    @Test
    void aFirebaseUserIsNotLinkedToAnAccountThatNeverProvedItsAddress() {
        fixture.given(account.registered(), account.verificationRequested())
                .when(new LinkFirebaseUser(accountId, "uid-1"))
                .expectException(CommandRejected.class)
                .expectNoEvents();
    }

    @Test
    void aFirebaseUserIsLinkedToAnAccountWhoseAddressWasProven() {
        fixture.given(account.registered(), account.verificationRequested(), new EmailVerified(accountId, account.verification))
                .when(new LinkFirebaseUser(accountId, "uid-1"))
                .expectEvents(new FirebaseUserLinked(accountId, "uid-1"));
    }

    @Test
    void theFifthFailedLoginInARowLocksTheAccountForAMinute() {
        fixture.given(account.registered(), account.failed(1), account.failed(2), account.failed(3), account.failed(4))
                .when(account.login(false, NOW))
                .expectEvents(account.failed(5), new AccountLockedOut(accountId, NOW.plus(Duration.ofMinutes(1)), 1))
                .expectResultMessagePayload(LoginOutcome.lockedOut(NOW.plus(Duration.ofMinutes(1))));
    }

    @Test
    void eachFurtherLockoutLastsTwiceAsLong() {
        Instant later = NOW.plus(Duration.ofMinutes(5));
        fixture.given(account.registered(), account.failed(5), new AccountLockedOut(accountId, NOW.plus(Duration.ofMinutes(1)), 1),
                        account.failed(1), account.failed(2), account.failed(3), account.failed(4))
                .when(account.login(false, later))
                .expectEvents(account.failed(5), new AccountLockedOut(accountId, later.plus(Duration.ofMinutes(2)), 2));
    }

    @Test
    void aLockedAccountRefusesEvenTheRightPasswordAndRecordsNothing() {
        Instant until = NOW.plus(Duration.ofMinutes(1));
        fixture.given(account.registered(), new AccountLockedOut(accountId, until, 1))
                .when(account.login(true, NOW))
                .expectNoEvents()
                .expectResultMessagePayload(LoginOutcome.lockedOut(until));
        assertThat(account.tokens.issued).isEmpty();
    }

    @Test
    void aSuccessfulLoginStartsASession() {
        SessionId sessionId = SessionId.random();
        fixture.given(account.registered(), account.verified(), account.failed(1))
                .when(new RecordLogin(accountId, true, SignInMethod.PASSWORD, sessionId, "phone", "hash-1", NOW, SESSION_END))
                .expectEvents(new LoginSucceeded(accountId, sessionId, "phone", SignInMethod.PASSWORD, SESSION_END))
                .expectResultMessagePayload(LoginOutcome.succeeded(Set.of(Role.CUSTOMER)));
    }

    @Test
    void aSuccessfulLoginStoresOnlyTheRefreshTokensHash() {
        SessionId sessionId = SessionId.random();
        fixture.given(account.registered(), account.verified())
                .when(new RecordLogin(accountId, true, SignInMethod.PASSWORD, sessionId, "phone", "hash-1", NOW, SESSION_END));
        assertThat(account.tokens.issued).containsOnlyKeys("hash-1");
        assertThat(account.tokens.issued.get("hash-1").sessionId()).isEqualTo(sessionId);
    }

    @Test
    void aRefreshExtendsTheSession() {
        SessionId sessionId = SessionId.random();
        account.tokens.issue("hash-1", accountId, sessionId, SESSION_END);
        fixture.given(account.registered(), account.started(sessionId))
                .when(account.refresh(sessionId, "hash-1", "hash-2", "phone"))
                .expectEvents(new SessionRefreshed(accountId, sessionId, SESSION_END))
                .expectResultMessagePayload(RefreshOutcome.refreshed(Set.of(Role.CUSTOMER)));
    }

    @Test
    void aRefreshRotatesThePresentedTokenForTheNewOne() {
        SessionId sessionId = SessionId.random();
        account.tokens.issue("hash-1", accountId, sessionId, SESSION_END);
        fixture.given(account.registered(), account.started(sessionId)).when(account.refresh(sessionId, "hash-1", "hash-2", "phone"));
        assertThat(account.tokens.rotated).containsExactly("hash-1");
        assertThat(account.tokens.issued).containsKey("hash-2");
    }

    @Test
    void aRotatedTokenPresentedAgainRevokesTheSession() {
        SessionId sessionId = SessionId.random();
        account.tokens.issue("hash-1", accountId, sessionId, SESSION_END);
        account.tokens.rotate("hash-1");
        fixture.given(account.registered(), account.started(sessionId))
                .when(account.refresh(sessionId, "hash-1", "hash-3", "phone"))
                .expectEvents(new SessionRevoked(accountId, sessionId, SessionRevocationReason.REFRESH_TOKEN_REUSED))
                .expectResultMessagePayload(RefreshOutcome.reused());
    }

    /** Whoever presents it, a rotated token means two parties held the session. */
    @Test
    void aRotatedTokenPresentedFromAnotherDeviceRevokesTheSessionToo() {
        SessionId sessionId = SessionId.random();
        account.tokens.issue("hash-1", accountId, sessionId, SESSION_END);
        account.tokens.rotate("hash-1");
        fixture.given(account.registered(), account.started(sessionId))
                .when(account.refresh(sessionId, "hash-1", "hash-3", "laptop"))
                .expectEvents(new SessionRevoked(accountId, sessionId, SessionRevocationReason.REFRESH_TOKEN_REUSED))
                .expectResultMessagePayload(RefreshOutcome.reused());
    }

    @Test
    void aRefreshFromAnotherDeviceIsRefusedWithoutRotating() {
        SessionId sessionId = SessionId.random();
        account.tokens.issue("hash-1", accountId, sessionId, SESSION_END);
        fixture.given(account.registered(), account.started(sessionId))
                .when(account.refresh(sessionId, "hash-1", "hash-2", "laptop"))
                .expectNoEvents()
                .expectResultMessagePayload(RefreshOutcome.refused());
        assertThat(account.tokens.rotated).isEmpty();
    }

    @Test
    void aTokenOfAnotherSessionIsRefused() {
        SessionId sessionId = SessionId.random();
        account.tokens.issue("hash-1", accountId, SessionId.random(), SESSION_END);
        fixture.given(account.registered(), account.started(sessionId))
                .when(account.refresh(sessionId, "hash-1", "hash-2", "phone"))
                .expectNoEvents()
                .expectResultMessagePayload(RefreshOutcome.refused());
    }

    @Test
    void registeringAStaffAccountPutsItOnTheStaffRoster() {
        fixture.givenNoPriorActivity().when(new RegisterAccount(accountId, "admin@example.test", "Admin", "hash", null,
                true, Set.of(Role.CUSTOMER, Role.STAFF), UUID.randomUUID(), NOW));
        assertThat(account.staff.staff).containsExactly(accountId);
    }

    /** So STAFF granted before the roster existed is counted once it is granted again. */
    @Test
    void grantingStaffPutsTheAccountOnTheRosterEvenIfItWasStaffAlready() {
        fixture.given(account.registered(), new RoleGranted(accountId, Role.STAFF))
                .when(new GrantRole(accountId, Role.STAFF))
                .expectNoEvents();
        assertThat(account.staff.staff).containsExactly(accountId);
    }

    @Test
    void revokingARoleTakesItAway() {
        fixture.given(account.registered(), new RoleGranted(accountId, Role.ANALYST))
                .when(new RevokeRole(accountId, Role.ANALYST, AccountId.random()))
                .expectEvents(new RoleRevoked(accountId, Role.ANALYST));
    }

    @Test
    void revokingARoleTheAccountDoesNotHaveChangesNothing() {
        fixture.given(account.registered())
                .when(new RevokeRole(accountId, Role.ANALYST, AccountId.random()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRevokedRoleIsGoneFromTheNextRefresh() {
        SessionId sessionId = SessionId.random();
        account.tokens.issue("hash-1", accountId, sessionId, SESSION_END);
        fixture.given(account.registered(), account.started(sessionId), new RoleGranted(accountId, Role.ANALYST),
                        new RoleRevoked(accountId, Role.ANALYST))
                .when(account.refresh(sessionId, "hash-1", "hash-2", "phone"))
                .expectResultMessagePayload(RefreshOutcome.refreshed(Set.of(Role.CUSTOMER)));
    }

    @Test
    void anotherStaffAccountRevokesStaffWhileOneRemains() {
        AccountId other = AccountId.random();
        account.staff.add(accountId);
        account.staff.add(other);
        fixture.given(account.registered(), new RoleGranted(accountId, Role.STAFF))
                .when(new RevokeRole(accountId, Role.STAFF, other))
                .expectEvents(new RoleRevoked(accountId, Role.STAFF));
        assertThat(account.staff.staff).containsExactly(other);
    }

    @Test
    void theLastStaffAccountKeepsStaff() {
        account.staff.add(accountId);
        fixture.given(account.registered(), new RoleGranted(accountId, Role.STAFF))
                .when(new RevokeRole(accountId, Role.STAFF, AccountId.random()))
                .expectNoEvents()
                .expectExceptionMessage("Account " + accountId + " is the last STAFF account: grant STAFF to another"
                        + " account first");
        assertThat(account.staff.staff).containsExactly(accountId);
    }

    @Test
    void nobodyRevokesTheirOwnStaff() {
        account.staff.add(accountId);
        account.staff.add(AccountId.random());
        fixture.given(account.registered(), new RoleGranted(accountId, Role.STAFF))
                .when(new RevokeRole(accountId, Role.STAFF, accountId))
                .expectNoEvents()
                .expectExceptionMessage("You cannot revoke your own STAFF role; another STAFF account can");
        assertThat(account.staff.staff).contains(accountId);
    }

    @Test
    void aStaffAccountMayGiveUpItsOtherRoles() {
        fixture.given(account.registered(), new RoleGranted(accountId, Role.STAFF), new RoleGranted(accountId, Role.ANALYST))
                .when(new RevokeRole(accountId, Role.ANALYST, accountId))
                .expectEvents(new RoleRevoked(accountId, Role.ANALYST));
    }

    @Test
    void changingThePasswordEndsEveryOtherSession() {
        SessionId here = SessionId.random();
        SessionId elsewhere = SessionId.random();
        fixture.given(account.registered(), account.started(here), account.started(elsewhere))
                .when(new ChangePassword(accountId, "new-hash", here))
                .expectEvents(new PasswordChanged(accountId),
                        new SessionRevoked(accountId, elsewhere, SessionRevocationReason.PASSWORD_CHANGED));
    }

    @Test
    void changingThePasswordStoresTheNewHash() {
        fixture.given(account.registered()).when(new ChangePassword(accountId, "new-hash", null));
        assertThat(account.credentials.hashes).containsEntry(accountId, "new-hash");
    }
}
