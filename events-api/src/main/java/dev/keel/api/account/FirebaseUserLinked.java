package dev.keel.api.account;

import dev.keel.api.privacy.DataSubject;
import dev.keel.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** The account can sign in with the Firebase user {@code firebaseUid}. */
@Revision("1")
public record FirebaseUserLinked(@DataSubject AccountId accountId, @PersonalData String firebaseUid) {
}
