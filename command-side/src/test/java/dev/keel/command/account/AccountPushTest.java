package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.push.ChangeNotificationPreference;
import dev.keel.api.push.NotificationCategory;
import dev.keel.api.push.NotificationPreferenceChanged;
import dev.keel.command.rejection.CommandRejected;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Push choices on the Account aggregate: one rule a test. */
class AccountPushTest {

    private final AccountFixtures account = new AccountFixtures();
    private final AggregateTestFixture<Account> fixture = account.fixture();
    private final AccountId accountId = account.accountId;

    @Test
    void turningAServiceCategoryOffRecordsTheChoice() {
        fixture.given(account.registered())
                .when(new ChangeNotificationPreference(accountId, NotificationCategory.PAYMENT_RESULTS, false))
                .expectEvents(new NotificationPreferenceChanged(accountId, NotificationCategory.PAYMENT_RESULTS, false));
    }

    @Test
    void aChoiceAlreadyMadeRecordsNothing() {
        fixture.given(account.registered(),
                        new NotificationPreferenceChanged(accountId, NotificationCategory.ORDER_UPDATES, false))
                .when(new ChangeNotificationPreference(accountId, NotificationCategory.ORDER_UPDATES, false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    /** Marketing is consent (ConsentGiven in the ledger); as a bare preference it is bad input, not a crash. */
    @Test
    void marketingAsAPreferenceIsRefusedAsInvalidNamingTheCategory() {
        fixture.given(account.registered())
                .when(new ChangeNotificationPreference(accountId, NotificationCategory.MARKETING, true))
                .expectNoEvents()
                .expectException(CommandRejected.class)
                .expectExceptionMessage("Invalid field(s): category: MARKETING is consent: give or withdraw"
                        + " MARKETING_PUSH instead")
                .expectException(Matchers.<Object>predicate(rejected -> {
                    CommandRejected refusal = (CommandRejected) rejected;
                    assertThat(refusal.kind()).isEqualTo(CommandRejected.Kind.INVALID);
                    assertThat(refusal.type()).isEqualTo("validation-failed");
                    assertThat(refusal.properties()).containsEntry("errors", List.of(Map.of("field", "category",
                            "message", "MARKETING follows the MARKETING_PUSH consent, not a preference")));
                    return true;
                }));
    }
}
