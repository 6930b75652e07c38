package dev.keel.api.account;

import dev.keel.api.privacy.DataSubject;
import dev.keel.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** The account holder changed their display name. */
@Revision("1")
public record ProfileChanged(@DataSubject AccountId accountId, @PersonalData String displayName) {
}
