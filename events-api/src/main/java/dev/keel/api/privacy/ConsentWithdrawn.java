package dev.keel.api.privacy;

import dev.keel.api.account.AccountId;
import org.axonframework.serialization.Revision;

/** The account holder withdrew their consent to {@code purpose}; it is as if never given from now on. */
@Revision("1")
public record ConsentWithdrawn(@DataSubject AccountId accountId, ConsentPurpose purpose) {
}
