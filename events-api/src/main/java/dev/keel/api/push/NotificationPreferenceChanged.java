package dev.keel.api.push;

import dev.keel.api.account.AccountId;
import dev.keel.api.privacy.DataSubject;
import org.axonframework.serialization.Revision;

/**
 * The account holder turned push on or off for a service category ({@link NotificationCategory#ORDER_UPDATES},
 * {@link NotificationCategory#PAYMENT_RESULTS}). Marketing is consent, recorded as {@code ConsentGiven}
 * and {@code ConsentWithdrawn} for {@code MARKETING_PUSH}, never as this event.
 */
@Revision("1")
public record NotificationPreferenceChanged(@DataSubject AccountId accountId, NotificationCategory category,
                                            boolean push) {
}
