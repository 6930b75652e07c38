package dev.keel.api.account;

import dev.keel.api.privacy.DataSubject;
import org.axonframework.serialization.Revision;

/**
 * The person's data was erased (GDPR article 17): their data key is destroyed in the same
 * transaction, so every personal field and the network metadata of their events read back as
 * erased from now on, and every read model and index removes or masks what it holds about them.
 * The events stay, and so do the facts without personal data (ids, roles, dates, amounts).
 */
@Revision("1")
public record AccountErased(@DataSubject AccountId accountId, ErasureReason reason) {
}
