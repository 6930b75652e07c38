package dev.keel.api.push;

import dev.keel.api.account.AccountId;
import dev.keel.api.privacy.DataSubject;
import dev.keel.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/**
 * A device of the account holder asked for push notifications, or changed its token or locale. A
 * token held by another account's device before moves here: the push registry keeps each token
 * once, with its newest registration.
 *
 * @param deviceId the app's own id of the installation (personal data)
 * @param fcmToken the FCM registration token (personal data)
 * @param locale   BCP 47 language tag the device shows text in ({@code de-DE}); pushes are written in it
 */
@Revision("1")
public record DeviceRegistered(@DataSubject AccountId accountId,
                               @PersonalData String deviceId,
                               @PersonalData String fcmToken,
                               DevicePlatform platform,
                               String locale) {
}
