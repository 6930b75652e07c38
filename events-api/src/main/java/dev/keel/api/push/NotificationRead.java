package dev.keel.api.push;

import dev.keel.api.account.AccountId;
import dev.keel.api.privacy.DataSubject;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/** The account holder read a notification of their in-app inbox. */
@Revision("1")
public record NotificationRead(@DataSubject AccountId accountId, UUID notificationId) {
}
