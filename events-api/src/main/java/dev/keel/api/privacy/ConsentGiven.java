package dev.keel.api.privacy;

import dev.keel.api.account.AccountId;
import org.axonframework.serialization.Revision;

/**
 * The account holder consented to {@code purpose}, having been shown the notice {@code noticeVersion}
 * (the app's name for the wording they agreed to, so it can be shown again later). Who, when and from
 * where are in the event's metadata, like every event's.
 */
@Revision("1")
public record ConsentGiven(@DataSubject AccountId accountId, ConsentPurpose purpose, String noticeVersion) {
}
