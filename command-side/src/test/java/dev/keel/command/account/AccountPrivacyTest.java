package dev.keel.command.account;

import dev.keel.api.account.AccountErased;
import dev.keel.api.account.AccountId;
import dev.keel.api.account.ErasureReason;
import dev.keel.api.account.Role;
import dev.keel.api.account.RoleGranted;
import dev.keel.api.account.SessionId;
import dev.keel.api.account.SessionRevocationReason;
import dev.keel.api.account.SessionRevoked;
import dev.keel.api.privacy.ConsentGiven;
import dev.keel.api.privacy.ConsentPurpose;
import dev.keel.api.privacy.ConsentWithdrawn;
import dev.keel.command.rejection.CommandRejected;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import static dev.keel.command.account.AccountFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** Erasure and consent on the Account aggregate: one rule a test. */
class AccountPrivacyTest {

    private final AccountFixtures account = new AccountFixtures();
    private final AggregateTestFixture<Account> fixture = account.fixture();
    private final AccountId accountId = account.accountId;

    private EraseAccount erase() {
        return new EraseAccount(accountId, ErasureReason.REQUESTED_BY_PERSON);
    }

    @Test
    void erasingEndsEverySessionAndThenRecordsTheErasure() {
        SessionId phone = SessionId.random();
        fixture.given(account.registered(), account.started(phone))
                .when(erase())
                .expectEvents(new SessionRevoked(accountId, phone, SessionRevocationReason.ACCOUNT_ERASED),
                        new AccountErased(accountId, ErasureReason.REQUESTED_BY_PERSON));
    }

    @Test
    void erasingDestroysTheKeyAndTheSecretsAndFreesTheEmail() {
        account.claimed.put(Account.EMAIL_SCOPE + ":idx:ada@example.test", accountId.toString());
        account.credentials.set(accountId, "argon2-hash");
        account.tokens.issue("hash-1", accountId, SessionId.random(), NOW);
        account.active.add(accountId);

        fixture.given(account.registered()).when(erase());

        assertThat(account.shredded).containsExactly(accountId);
        assertThat(account.credentials.hashes).doesNotContainKey(accountId);
        assertThat(account.tokens.issued).isEmpty();
        assertThat(account.claimed).isEmpty();
        assertThat(account.active).doesNotContain(accountId);
    }

    @Test
    void erasingAnErasedAccountChangesNothing() {
        fixture.given(account.registered(), new AccountErased(accountId, ErasureReason.DORMANT))
                .when(erase())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(account.shredded).isEmpty();
    }

    @Test
    void theLastStaffAccountIsNotErased() {
        account.staff.add(accountId);
        fixture.given(account.registered(), new RoleGranted(accountId, Role.STAFF))
                .when(erase())
                .expectException(CommandRejected.class)
                .expectExceptionMessage("Account " + accountId + " is the last STAFF account: grant STAFF to another"
                        + " account first");
        assertThat(account.shredded).isEmpty();
    }

    @Test
    void anErasedAccountRefusesEveryOtherCommandAsGone() {
        fixture.given(account.registered(), new AccountErased(accountId, ErasureReason.REQUESTED_BY_PERSON))
                .when(new ChangeProfile(accountId, "Back again"))
                .expectException(CommandRejected.class)
                .expectExceptionMessage("Account " + accountId + " was erased; it cannot be used or changed")
                .expectNoEvents();
    }

    @Test
    void anErasedAccountStartsNoSession() {
        fixture.given(account.registered(), account.verified(), new AccountErased(accountId, ErasureReason.DORMANT))
                .when(account.login(true, NOW))
                .expectException(CommandRejected.class)
                .expectNoEvents();
    }

    @Test
    void consentIsRecordedWithTheNoticeItWasGivenUnder() {
        fixture.given(account.registered())
                .when(new GiveConsent(accountId, ConsentPurpose.MARKETING_EMAIL, "marketing-2026-01"))
                .expectEvents(new ConsentGiven(accountId, ConsentPurpose.MARKETING_EMAIL, "marketing-2026-01"));
    }

    @Test
    void consentGivenAgainUnderTheSameNoticeChangesNothing() {
        fixture.given(account.registered(), new ConsentGiven(accountId, ConsentPurpose.ANALYTICS, "v1"))
                .when(new GiveConsent(accountId, ConsentPurpose.ANALYTICS, "v1"))
                .expectNoEvents();
    }

    @Test
    void consentGivenUnderANewNoticeIsRecordedAgain() {
        fixture.given(account.registered(), new ConsentGiven(accountId, ConsentPurpose.ANALYTICS, "v1"))
                .when(new GiveConsent(accountId, ConsentPurpose.ANALYTICS, "v2"))
                .expectEvents(new ConsentGiven(accountId, ConsentPurpose.ANALYTICS, "v2"));
    }

    @Test
    void withdrawingEndsTheConsentOfThatPurposeOnly() {
        fixture.given(account.registered(), new ConsentGiven(accountId, ConsentPurpose.ANALYTICS, "v1"),
                        new ConsentGiven(accountId, ConsentPurpose.MARKETING_PUSH, "v1"))
                .when(new WithdrawConsent(accountId, ConsentPurpose.ANALYTICS))
                .expectEvents(new ConsentWithdrawn(accountId, ConsentPurpose.ANALYTICS));
    }

    @Test
    void withdrawingConsentNeverGivenChangesNothing() {
        fixture.given(account.registered(), new ConsentGiven(accountId, ConsentPurpose.ANALYTICS, "v1"),
                        new ConsentWithdrawn(accountId, ConsentPurpose.ANALYTICS))
                .when(new WithdrawConsent(accountId, ConsentPurpose.ANALYTICS))
                .expectNoEvents();
    }

    @Test
    void signingInRecordsActivityForTheDormantAccountRule() {
        fixture.given(account.registered(), account.verified()).when(account.login(true, NOW));
        assertThat(account.active).containsExactly(accountId);
    }
}
